using System.Globalization;
using System.Net;
using System.Text;

namespace AreaPartnerships.Web.Infrastructure.Charts;

/// <summary>
/// Draws a <see cref="FigureTable"/> as an SVG of horizontal bars, server-side (no JavaScript; prints as drawn): each
/// row's label on a line of its own with the bar beneath (so it reads at 390 px), the row's columns stacked end to
/// end, and the bar's total written after it. Series are told apart without colour: each has a colour-blind-safe
/// colour (Okabe and Ito's palette) of a different lightness AND its own pattern, and the legend (HTML, beside it)
/// shows the same swatches. The chart is marked as a picture of the table that follows it, which carries every number.
/// See docs/decisions/0027.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 400;
    private const int LabelHeight = 18;
    private const int BarHeight = 16;
    private const int RowGap = 8;
    private const int TotalSpace = 56;

    /// <summary>Colour and pattern of each series, in order (repeats past eight).</summary>
    private static readonly (string Colour, string Pattern)[] Series =
    [
        ("#0072B2", "solid"),
        ("#E69F00", "diagonal"),
        ("#009E73", "dots"),
        ("#56B4E9", "cross"),
        ("#D55E00", "horizontal"),
        ("#CC79A7", "vertical"),
        ("#000000", "solid"),
        ("#F0E442", "diagonal"),
    ];

    public static string FillOf(int series) => $"url(#app-chart-{series % Series.Length})";

    /// <summary>The chart, or an empty string when the table has nothing to draw.</summary>
    public static string Render(FigureTable table)
    {
        if (table.Chart == ChartKind.None || table.IsEmpty)
        {
            return string.Empty;
        }

        var columns = table.DrawnColumns;
        var totals = table.Rows.Select(r => r.Cells.Take(columns).Sum(c => c.Drawn)).ToList();
        var max = Math.Max(totals.Max(), 1);
        var height = table.Rows.Count * (LabelHeight + BarHeight + RowGap);
        var scale = (Width - TotalSpace) / (double)max;
        var id = WebUtility.HtmlEncode(table.Id);

        // Three groups, each carrying what its members share (the bars' outline; the text's class), so a dashboard of
        // several hundred bars does not repeat them on every one: the bars first, then the rows' labels, then the totals.
        var bars = new StringBuilder("<g stroke=\"#0b0c0c\" stroke-width=\"0.5\">");
        var labels = new StringBuilder("<g class=\"app-chart__label\">");
        var values = new StringBuilder("<g class=\"app-chart__value\">");
        var y = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            labels.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\">{WebUtility.HtmlEncode(row.Label)}</text>");
            var x = 0.0;
            for (var c = 0; c < columns && c < row.Cells.Count; c++)
            {
                var w = (double)row.Cells[c].Drawn * scale;
                if (w <= 0)
                {
                    continue;
                }

                bars.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y + LabelHeight}\" width=\"{w:0.##}\" height=\"{BarHeight}\" fill=\"{FillOf(c)}\"/>");
                x += w;
            }

            var total = columns == 1 ? row.Cells[0].Text : Plain(totals[r]);
            values.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.##}\" y=\"{y + LabelHeight + 13}\">{WebUtility.HtmlEncode(total)}</text>");
            y += LabelHeight + BarHeight + RowGap;
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-chart-title\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-chart-title\">Bar chart of {WebUtility.HtmlEncode(Lower(table.Caption))}. The figures are in the table that follows.</title>");
        svg.Append(bars).Append("</g>").Append(labels).Append("</g>").Append(values).Append("</g>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A legend swatch for a series: a small SVG with the series' fill.</summary>
    public static string Swatch(int series) =>
        $"<svg class=\"app-chart__swatch\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"{FillOf(series)}\" stroke=\"#0b0c0c\"/></svg>";

    /// <summary>The series' patterns, once per page (every chart and swatch on the page fills from them).</summary>
    public static string Definitions()
    {
        var defs = new StringBuilder("<svg class=\"app-chart__patterns\" xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>");
        for (var i = 0; i < Series.Length; i++)
        {
            var (colour, pattern) = Series[i];
            defs.Append(CultureInfo.InvariantCulture, $"<pattern id=\"app-chart-{i}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{colour}\"/>");
            defs.Append(pattern switch
            {
                "diagonal" => "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"#fff\" stroke-width=\"1.2\"/>",
                "dots" => "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#fff\"/>",
                "cross" => "<path d=\"M0,3 h6 M3,0 v6\" stroke=\"#0b0c0c\" stroke-width=\"0.8\"/>",
                "horizontal" => "<path d=\"M0,1.5 h6 M0,4.5 h6\" stroke=\"#fff\" stroke-width=\"1\"/>",
                "vertical" => "<path d=\"M1.5,0 v6 M4.5,0 v6\" stroke=\"#0b0c0c\" stroke-width=\"0.8\"/>",
                _ => string.Empty,
            });
            defs.Append("</pattern>");
        }

        return defs.Append("</defs></svg>").ToString();
    }

    private static string Plain(decimal value) => value == decimal.Truncate(value)
        ? value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))
        : value.ToString("N2", CultureInfo.GetCultureInfo("en-GB"));

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
