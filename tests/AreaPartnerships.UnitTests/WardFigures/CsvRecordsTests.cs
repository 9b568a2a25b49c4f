using AreaPartnerships.Web.Features.Admin.WardFigures;

namespace AreaPartnerships.UnitTests.WardFigures;

/// <summary>Reading CSV as RFC 4180 describes it, and as spreadsheets save it.</summary>
public sealed class CsvRecordsTests
{
    private static string[][] Cells(string text)
    {
        var result = CsvRecords.Read(text);
        Assert.Null(result.Error);
        return [.. result.Rows.Select(r => r.Cells.ToArray())];
    }

    [Fact]
    public void Plain_cells_are_split_at_commas_and_records_at_CRLF()
    {
        Assert.Equal([["Ward", "Population"], ["Paddock", "11020"]], Cells("Ward,Population\r\nPaddock,11020\r\n"));
    }

    [Theory]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\rc,d")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    public void A_record_ends_at_CRLF_LF_or_CR_and_a_final_line_break_adds_no_empty_record(string text)
    {
        Assert.Equal([["a", "b"], ["c", "d"]], Cells(text));
    }

    [Fact]
    public void A_quoted_cell_keeps_its_commas_line_breaks_and_doubled_quotes()
    {
        Assert.Equal([["12,345", "line one\r\nline two", "the \"best\" ward", ""]], Cells("\"12,345\",\"line one\r\nline two\",\"the \"\"best\"\" ward\",\"\""));
    }

    [Fact]
    public void Empty_cells_are_kept_including_a_trailing_one()
    {
        Assert.Equal([["a", "", "c", ""], ["", ""]], Cells("a,,c,\n,\n"));
    }

    [Fact]
    public void Empty_text_has_no_records()
    {
        Assert.Empty(Cells(string.Empty));
    }

    [Fact]
    public void A_blank_line_in_the_middle_is_a_record_of_one_empty_cell_numbered_in_sequence()
    {
        var rows = CsvRecords.Read("a\n\nb\n").Rows;

        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.True(rows[1].IsBlank);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_kept_as_it_stands()
    {
        Assert.Equal([["5\" pipe", "x"]], Cells("5\" pipe,x"));
    }

    [Fact]
    public void A_quoted_cell_never_closed_is_refused_naming_its_row_and_column()
    {
        var result = CsvRecords.Read("Ward,Population\nPaddock,\"11020\nBloxwich,3");

        Assert.Equal("Row 2, column 2: a cell starts with a quote (\") that is never closed", result.Error);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused_naming_its_row_and_column()
    {
        var result = CsvRecords.Read("a,b\nc,\"Bloxwich\" East\n");

        Assert.Equal("Row 2, column 2: there is text after the closing quote of a quoted cell", result.Error);
    }

    [Fact]
    public void A_missing_cell_reads_as_empty()
    {
        var row = CsvRecords.Read("a,b").Rows[0];

        Assert.Equal(("a", "b", ""), (row[0], row[1], row[5]));
    }
}
