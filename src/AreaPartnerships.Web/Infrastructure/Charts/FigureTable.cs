namespace AreaPartnerships.Web.Infrastructure.Charts;

/// <summary>One number in a <see cref="FigureTable"/>: its value, how it is written, and the list behind it (null: none).</summary>
public sealed record FigureCell(decimal? Value, string Text, string? Href = null)
{
    /// <summary>The number for a chart (a text-only cell draws as nothing).</summary>
    public decimal Drawn => Math.Max(0, Value ?? 0);

    /// <summary>A count; nought is never a link (there is nothing behind it to list).</summary>
    public static FigureCell Count(int value, string? href = null) => new(value, UkFormat.Number(value), value == 0 ? null : href);

    public static FigureCell Money(decimal value, string? href = null) => new(value, UkFormat.Money(value), href);

    /// <summary>A cell with no number ("Not known", "No spend"): drawn as nothing.</summary>
    public static FigureCell Words(string text) => new(null, text);
}

public sealed record FigureRow(string Label, IReadOnlyList<FigureCell> Cells, string? Href = null);

/// <summary>How a <see cref="FigureTable"/> is drawn beside its numbers.</summary>
public enum ChartKind
{
    /// <summary>No picture: the table says it best.</summary>
    None,

    /// <summary>One horizontal bar per row, split into the columns (<see cref="FigureTable.ChartColumns"/>) stacked end to end.</summary>
    StackedBars,
}

/// <summary>
/// A table of figures as the dashboard, the highlight report and their CSV files all show it: a caption, a row
/// heading, column headings, and rows of cells that each may link to the list behind them. The table is the complete
/// view; the chart (<see cref="SvgBarChart"/>) is drawn from the same rows and never says more than they do.
/// </summary>
public sealed record FigureTable(
    string Id,
    string Caption,
    string RowHeading,
    IReadOnlyList<string> Columns,
    IReadOnlyList<FigureRow> Rows,
    ChartKind Chart = ChartKind.None,
    int? ChartColumns = null,
    string? Note = null)
{
    /// <summary>The columns the chart draws: the first <see cref="ChartColumns"/> (the rest, e.g. a total, are table-only).</summary>
    public int DrawnColumns => Math.Min(ChartColumns ?? Columns.Count, Columns.Count);

    public bool IsEmpty => Rows.Count == 0 || Rows.All(r => r.Cells.All(c => (c.Value ?? 0) == 0));

    /// <summary>The table as CSV: the row heading and column headings, then one line per row (numbers plain, for a spreadsheet).</summary>
    public string ToCsv()
    {
        var text = new System.Text.StringBuilder();
        text.Append(Csv.Cell(RowHeading));
        foreach (var column in Columns)
        {
            text.Append(',').Append(Csv.Cell(column));
        }

        text.Append("\r\n");
        foreach (var row in Rows)
        {
            text.Append(Csv.Cell(row.Label));
            foreach (var cell in row.Cells)
            {
                text.Append(',').Append(Csv.Cell(cell.Value is { } value ? Plain(value) : cell.Text));
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    private static string Plain(decimal value) => value == decimal.Truncate(value)
        ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
