using System.Text;
using AreaPartnerships.Web.Features.Admin.WardFigures;

namespace AreaPartnerships.UnitTests.WardFigures;

/// <summary>The ward figures file: what it yields when correct, and each problem named by row and column when not.</summary>
public sealed class WardFigureFileTests
{
    private static readonly WardFigureFile.KnownWard[] Wards = [new(1, "Paddock"), new(2, "Birchills Leamore"), new(3, "St Matthew's")];

    private const string Head = "Ward,Population,Claimant count\nSource,ONS 2022,DWP\nDate,30/06/2022,31/10/2026\n";

    private static IReadOnlyList<string> Problems(string text, IReadOnlyList<WardFigureFile.KnownWard>? wards = null)
    {
        var parsed = WardFigureFile.Parse(text, wards ?? Wards);
        Assert.False(parsed.IsValid);
        Assert.Empty(parsed.Wards);
        return parsed.Problems;
    }

    [Fact]
    public void A_correct_file_yields_its_columns_and_each_wards_figures()
    {
        var parsed = WardFigureFile.Parse(Head + "paddock,\"11,020\",410.25\n BIRCHILLS LEAMORE ,12345,\n\n", Wards);

        Assert.True(parsed.IsValid);
        Assert.Equal(
            [new WardFigureFile.Column("Population", "ONS 2022", new DateOnly(2022, 6, 30)), new WardFigureFile.Column("Claimant count", "DWP", new DateOnly(2026, 10, 31))],
            parsed.Columns);
        Assert.Equal([1, 2], parsed.Wards.Select(w => w.WardId));
        Assert.Equal([11020m, 410.25m], parsed.Wards[0].Values);
        Assert.Equal([12345m, null], parsed.Wards[1].Values);
        Assert.Equal(3, parsed.FigureCount);
        Assert.True(parsed.Columns[0].IsPopulation);
    }

    [Theory]
    [InlineData("12x", "‘12x’ is not a number")]
    [InlineData("1,23", "‘1,23’ is not a number")]
    [InlineData("1e5", "‘1e5’ is not a number")]
    [InlineData("£5", "‘£5’ is not a number")]
    [InlineData("1.23456", "‘1.23456’ has more than 4 decimal places")]
    [InlineData("123456789012345", "‘123456789012345’ is too large")]
    public void A_value_that_is_not_a_figure_is_refused_at_its_row_and_column(string value, string message)
    {
        Assert.Equal([$"Row 5, column ‘Claimant count’: {message}"], Problems(Head + $"Paddock,100,1\nBirchills Leamore,200,\"{value}\"\n"));
    }

    [Theory]
    [InlineData("-4.5", -4.5)]
    [InlineData("1,234,567.1234", 1234567.1234)]
    [InlineData("0", 0)]
    public void Values_may_be_negative_have_thousands_separators_and_up_to_4_decimal_places(string value, decimal expected)
    {
        Assert.Null(WardFigureFile.ValueProblem(value, "Claimant change", out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("Population", "12.5", "‘12.5’ must be a whole number from 0 to 10,000,000")]
    [InlineData("Population", "-1", "‘-1’ must be a whole number from 0 to 10,000,000")]
    [InlineData("population", "10,000,001", "‘10,000,001’ must be a whole number from 0 to 10,000,000")]
    [InlineData("Deprivation rank", "0", "‘0’ must be a whole number from 1 (the most deprived) to 10,000")]
    [InlineData("DEPRIVATION RANK", "2.5", "‘2.5’ must be a whole number from 1 (the most deprived) to 10,000")]
    public void Population_and_deprivation_rank_must_be_whole_numbers_the_wards_page_accepts(string measure, string value, string message)
    {
        Assert.Equal(message, WardFigureFile.ValueProblem(value, measure, out _));
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var problems = Problems("Ward,Population,Population,\nSource,,DWP\nDate,31/02/2022,1/1/2020\nPaddock,1x,2\nNowhere,3,4\npaddock,5,6\n");

        Assert.Equal(
        [
            "Row 1, column 3: the heading ‘Population’ is also the heading of column 2: each measure may have one column",
            "Row 2, column ‘Population’: enter where the figures come from",
            "Row 3, column ‘Population’: ‘31/02/2022’ is not a date in the form dd/mm/yyyy",
            "Row 4, column ‘Population’: ‘1x’ is not a number",
            "Row 5, column ‘Ward’: ‘Nowhere’ is not one of the service's wards",
            "Row 6, column ‘Ward’: ‘paddock’ is also on row 4: give each ward one row",
        ], problems);
    }

    [Fact]
    public void The_first_three_rows_must_be_the_headings_the_sources_and_the_dates()
    {
        Assert.Equal(
        [
            "Row 1, column 1: the first heading must be ‘Ward’ (the column of ward names), not ‘Name’",
            "Row 2, column 1: must say ‘Source’ (row 2 gives each measure's source), not ‘Date’",
            "Row 3, column 1: must say ‘Date’ (row 3 gives the date each measure describes), not ‘Source’",
            "Row 3, column ‘Population’: ‘ONS’ is not a date in the form dd/mm/yyyy",
        ], Problems("Name,Population\nDate,30/06/2022\nSource,ONS\nPaddock,1\n"));
    }

    [Fact]
    public void A_missing_date_and_a_blank_heading_are_named_by_column_number_when_there_is_no_heading()
    {
        Assert.Equal(
        [
            "Row 1, column 3: enter the measure's name as the heading",
            "Row 3, column ‘Population’: enter the date the figures describe, as dd/mm/yyyy",
        ], Problems("Ward,Population,,Households\nSource,ONS,ONS,ONS\nDate,,1/1/2020,1/1/2020\nPaddock,1,,3\n"));
    }

    [Fact]
    public void A_file_with_only_the_three_description_rows_has_no_wards_figures()
    {
        Assert.Equal(["The file has no wards' figures: under the Ward, Source and Date rows, add one row for each ward"], Problems(Head + "\n,,\n"));
    }

    [Fact]
    public void A_file_whose_cells_are_all_blank_has_no_figures()
    {
        Assert.Equal(["The file has no figures: every ward's cells are blank"], Problems(Head + "Paddock,,\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData(",,\n")]
    public void An_empty_file_is_refused(string text)
    {
        Assert.Equal(["The file is empty"], Problems(text));
    }

    [Fact]
    public void A_file_without_its_source_and_date_rows_is_refused()
    {
        Assert.Equal(["The file must have a ‘Source’ row (row 2) and a ‘Date’ row (row 3) under the headings"], Problems("Ward,Population\nPaddock,1\n"));
    }

    [Fact]
    public void A_heading_row_with_no_measures_is_refused()
    {
        Assert.Equal(["Row 1: add a heading for each measure after ‘Ward’, for example ‘Population’"], Problems("Ward,,\nSource\nDate\nPaddock\n"));
    }

    [Fact]
    public void A_value_in_a_column_with_no_heading_is_refused()
    {
        Assert.Equal(["Row 4, column 4: ‘7’ is in a column with no heading"], Problems(Head + "Paddock,1,2,7\n"));
    }

    [Fact]
    public void A_name_that_matches_two_wards_differing_only_in_capitals_is_refused()
    {
        var wards = new WardFigureFile.KnownWard[] { new(1, "Paddock"), new(2, "PADDOCK") };

        Assert.Equal(["Row 4, column ‘Ward’: ‘Paddock’ matches 2 wards whose names differ only in capitals: rename one on the wards page"], Problems(Head + "Paddock,1,2\n", wards));
    }

    [Fact]
    public void A_row_without_a_ward_name_is_refused()
    {
        Assert.Equal(["Row 4, column ‘Ward’: enter the ward's name"], Problems(Head + ",1,2\n"));
    }

    [Fact]
    public void Text_the_CSV_reader_cannot_read_is_refused_with_where_it_failed()
    {
        Assert.Equal(["Row 4, column 2: a cell starts with a quote (\") that is never closed. Nothing after it could be read."], Problems(Head + "Paddock,\"1,2\n"));
    }

    [Fact]
    public void Long_lists_of_problems_are_cut_at_twenty_and_say_how_many_more()
    {
        var text = Head + string.Concat(Enumerable.Range(1, 25).Select(i => $"Nowhere {i},1,2\n"));

        var shown = WardFigureFile.Shown(Problems(text));

        Assert.Equal(21, shown.Count);
        Assert.Equal("…and 5 more problems", shown[^1]);
    }

    [Fact]
    public void A_file_with_a_null_byte_is_not_text()
    {
        Assert.Null(WardFigureFile.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]));
    }

    [Fact]
    public void Text_is_read_as_UTF_8_without_its_byte_order_mark_or_else_as_Windows_1252()
    {
        Assert.Equal("Ward,Café ‘x’", WardFigureFile.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Ward,Café ‘x’")]));
        Assert.Equal("Ward,Café ‘x’", WardFigureFile.Decode([.. "Ward,Caf"u8, 0xE9, 0x20, 0x91, 0x78, 0x92]));
    }

    [Theory]
    [InlineData("30/06/2022", 2022, 6, 30)]
    [InlineData("1/2/2020", 2020, 2, 1)]
    public void Dates_are_day_month_year(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), WardFigureFile.DateFrom(text));
    }

    [Theory]
    [InlineData("2022-06-30")]
    [InlineData("06/30/2022")]
    [InlineData("30/06/22")]
    [InlineData("29/02/2023")]
    public void Other_date_forms_and_impossible_dates_are_not_dates(string text)
    {
        Assert.Null(WardFigureFile.DateFrom(text));
    }
}
