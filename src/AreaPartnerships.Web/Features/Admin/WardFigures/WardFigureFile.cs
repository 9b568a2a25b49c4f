using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.Web.Features.Admin.WardFigures;

/// <summary>
/// The ward figures file, and the one place its format is read (the import page describes the same format):
/// <code>
/// Ward,Population,Claimant count          the headings: "Ward", then one column per measure
/// Source,ONS 2022,DWP                     each measure's source
/// Date,30/06/2022,31/10/2026              the date each measure describes, dd/mm/yyyy
/// Birchills Leamore,"12,345",410          one row per ward (its name as on the wards page, any case)
/// </code>
/// Values are numbers (commas between thousands allowed, up to 4 decimal places; a blank cell is no figure for that
/// ward and measure). "Population" and "Deprivation rank" must be whole numbers in the ranges the wards page accepts,
/// since they also set the ward's own population and rank. Every problem is reported with its row and column, and a
/// file with any problem yields no figures at all.
/// </summary>
public static partial class WardFigureFile
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How many problems are listed before "and N more".</summary>
    public const int ProblemsShown = 20;

    public const string WardHeading = "Ward";
    public const string SourceLabel = "Source";
    public const string DateLabel = "Date";
    public const string Population = "Population";
    public const string DeprivationRank = "Deprivation rank";

    /// <summary>The ranges the wards page accepts for a ward's population and deprivation rank.</summary>
    public const int PopulationMax = 10_000_000;
    public const int DeprivationRankMax = 10_000;

    /// <summary>The largest value a figure can hold (18 digits, 4 after the point).</summary>
    public const decimal ValueMax = 99_999_999_999_999.9999m;

    /// <summary>A ward the file may name.</summary>
    public sealed record KnownWard(int Id, string Name);

    /// <summary>A measure column: its heading, source and date.</summary>
    public sealed record Column(string Measure, string Source, DateOnly AsAt)
    {
        public bool IsPopulation => IsMeasure(Measure, Population);

        public bool IsDeprivationRank => IsMeasure(Measure, DeprivationRank);
    }

    /// <summary>One ward's figures, one per column (null where its cell was blank).</summary>
    public sealed record WardRow(int WardId, IReadOnlyList<decimal?> Values);

    /// <summary>What the file holds, or the problems that stop it being imported (then nothing else is set).</summary>
    public sealed record Parsed(IReadOnlyList<Column> Columns, IReadOnlyList<WardRow> Wards, IReadOnlyList<string> Problems)
    {
        public bool IsValid => Problems.Count == 0;

        public int FigureCount => Wards.Sum(w => w.Values.Count(v => v is not null));

        public static Parsed Refused(params string[] problems) => new([], [], problems);
    }

    public static bool IsMeasure(string heading, string measure) =>
        string.Equals(heading.Trim(), measure, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Decodes the uploaded bytes: UTF-8 (with or without a byte-order mark), or, failing that, Windows-1252 (what
    /// spreadsheets on Windows save as plain "CSV"). Null when the bytes are not text at all (a null byte: a spreadsheet or
    /// other binary file).
    /// </summary>
    public static string? Decode(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)?.GetString(bytes) ?? Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Reads and checks the whole file against the service's wards.</summary>
    public static Parsed Parse(string text, IReadOnlyList<KnownWard> wards)
    {
        var read = CsvRecords.Read(text);
        if (read.Error is { } error)
        {
            return Parsed.Refused(error + ". Nothing after it could be read.");
        }

        var rows = read.Rows;
        if (rows.Count == 0 || rows.All(r => r.IsBlank))
        {
            return Parsed.Refused("The file is empty");
        }

        var problems = new List<string>();
        var header = rows[0];
        if (!IsMeasure(header[0], WardHeading))
        {
            problems.Add($"Row 1, column 1: the first heading must be ‘{WardHeading}’ (the column of ward names){Not(header[0])}");
        }

        // The measure columns: every heading after the first, up to the last one that is not blank.
        var width = header.Cells.Count;
        while (width > 1 && string.IsNullOrWhiteSpace(header.Cells[width - 1]))
        {
            width--;
        }

        if (width < 2)
        {
            problems.Add($"Row 1: add a heading for each measure after ‘{WardHeading}’, for example ‘{Population}’");
            return Parsed.Refused([.. problems]);
        }

        var headings = new string[width];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 1; c < width; c++)
        {
            var heading = header[c].Trim();
            headings[c] = heading;
            if (heading.Length == 0)
            {
                problems.Add($"Row 1, column {c + 1}: enter the measure's name as the heading");
            }
            else if (heading.Length > WardFigure.MeasureMaxLength)
            {
                problems.Add($"Row 1, column {c + 1}: the heading must be {WardFigure.MeasureMaxLength} characters or fewer");
            }
            else if (IsMeasure(heading, WardHeading))
            {
                problems.Add($"Row 1, column {c + 1}: ‘{heading}’ can only be the first heading");
            }
            else if (!seen.TryAdd(heading, c))
            {
                problems.Add($"Row 1, column {c + 1}: the heading ‘{heading}’ is also the heading of column {seen[heading] + 1}: each measure may have one column");
            }
        }

        string Where(int row, int column) => column == 0
            ? $"Row {row}, column ‘{WardHeading}’"
            : headings[column].Length == 0 ? $"Row {row}, column {column + 1}" : $"Row {row}, column ‘{headings[column]}’";

        if (rows.Count < 3)
        {
            problems.Add($"The file must have a ‘{SourceLabel}’ row (row 2) and a ‘{DateLabel}’ row (row 3) under the headings");
            return Parsed.Refused([.. problems]);
        }

        var sources = new string[width];
        var dates = new DateOnly[width];
        var sourceRow = rows[1];
        var dateRow = rows[2];
        if (!IsMeasure(sourceRow[0], SourceLabel))
        {
            problems.Add($"Row 2, column 1: must say ‘{SourceLabel}’ (row 2 gives each measure's source){Not(sourceRow[0])}");
        }

        if (!IsMeasure(dateRow[0], DateLabel))
        {
            problems.Add($"Row 3, column 1: must say ‘{DateLabel}’ (row 3 gives the date each measure describes){Not(dateRow[0])}");
        }

        for (var c = 1; c < width; c++)
        {
            var source = sourceRow[c].Trim();
            sources[c] = source;
            if (source.Length == 0)
            {
                problems.Add($"{Where(2, c)}: enter where the figures come from");
            }
            else if (source.Length > WardFigure.SourceMaxLength)
            {
                problems.Add($"{Where(2, c)}: the source must be {WardFigure.SourceMaxLength} characters or fewer");
            }

            var date = dateRow[c].Trim();
            if (DateFrom(date) is { } asAt)
            {
                dates[c] = asAt;
            }
            else
            {
                problems.Add(date.Length == 0
                    ? $"{Where(3, c)}: enter the date the figures describe, as dd/mm/yyyy"
                    : $"{Where(3, c)}: ‘{date}’ is not a date in the form dd/mm/yyyy");
            }
        }

        problems.AddRange(ExtraCells(sourceRow, width));
        problems.AddRange(ExtraCells(dateRow, width));

        // Ward names, matched without regard to case or surrounding spaces.
        var byName = wards.ToLookup(w => w.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        var wardRows = new List<WardRow>();
        var wardOnRow = new Dictionary<int, int>();
        var dataRows = 0;
        foreach (var row in rows.Skip(3))
        {
            if (row.IsBlank)
            {
                continue;
            }

            dataRows++;

            problems.AddRange(ExtraCells(row, width));
            var name = row[0].Trim();
            int? wardId = null;
            if (name.Length == 0)
            {
                problems.Add($"{Where(row.Number, 0)}: enter the ward's name");
            }
            else if (byName[name].ToList() is var matches && matches.Count == 0)
            {
                problems.Add($"{Where(row.Number, 0)}: ‘{name}’ is not one of the service's wards");
            }
            else if (matches.Count > 1)
            {
                problems.Add($"{Where(row.Number, 0)}: ‘{name}’ matches {matches.Count} wards whose names differ only in capitals: rename one on the wards page");
            }
            else if (!wardOnRow.TryAdd(matches[0].Id, row.Number))
            {
                problems.Add($"{Where(row.Number, 0)}: ‘{name}’ is also on row {wardOnRow[matches[0].Id]}: give each ward one row");
            }
            else
            {
                wardId = matches[0].Id;
            }

            var values = new decimal?[width - 1];
            for (var c = 1; c < width; c++)
            {
                var cell = row[c].Trim();
                if (cell.Length == 0)
                {
                    continue;
                }

                if (ValueProblem(cell, headings[c], out var value) is { } problem)
                {
                    problems.Add($"{Where(row.Number, c)}: {problem}");
                }
                else
                {
                    values[c - 1] = value;
                }
            }

            if (wardId is { } id)
            {
                wardRows.Add(new WardRow(id, values));
            }
        }

        if (dataRows == 0)
        {
            problems.Add("The file has no wards' figures: under the Ward, Source and Date rows, add one row for each ward");
        }
        else if (problems.Count == 0 && wardRows.All(w => w.Values.All(v => v is null)))
        {
            problems.Add("The file has no figures: every ward's cells are blank");
        }

        if (problems.Count > 0)
        {
            return Parsed.Refused([.. problems]);
        }

        var columns = Enumerable.Range(1, width - 1).Select(c => new Column(headings[c], sources[c], dates[c])).ToList();
        return new Parsed(columns, wardRows, []);
    }

    /// <summary>The problems to show: the first <see cref="ProblemsShown"/>, then how many more there are.</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string> problems) => problems.Count <= ProblemsShown
        ? problems
        : [.. problems.Take(ProblemsShown), $"…and {UkFormat.Number(problems.Count - ProblemsShown)} more {(problems.Count - ProblemsShown == 1 ? "problem" : "problems")}"];

    /// <summary>Why the cell is not a figure for the measure (null when it is one, in <paramref name="value"/>).</summary>
    public static string? ValueProblem(string cell, string measure, out decimal value)
    {
        value = 0;
        if (!NumberPattern().IsMatch(cell)
            || !decimal.TryParse(cell.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return $"‘{cell}’ is not a number";
        }

        var point = cell.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && cell.Length - point - 1 > 4)
        {
            return $"‘{cell}’ has more than 4 decimal places";
        }

        if (Math.Abs(value) > ValueMax)
        {
            return $"‘{cell}’ is too large";
        }

        if (IsMeasure(measure, Population) && (value != decimal.Truncate(value) || value < 0 || value > PopulationMax))
        {
            return $"‘{cell}’ must be a whole number from 0 to {UkFormat.Number(PopulationMax)}";
        }

        if (IsMeasure(measure, DeprivationRank) && (value != decimal.Truncate(value) || value < 1 || value > DeprivationRankMax))
        {
            return $"‘{cell}’ must be a whole number from 1 (the most deprived) to {UkFormat.Number(DeprivationRankMax)}";
        }

        return null;
    }

    /// <summary>dd/mm/yyyy (a single-digit day or month allowed), a real date from 1900.</summary>
    public static DateOnly? DateFrom(string text) =>
        DatePattern().Match(text) is { Success: true } m
            ? UkFormat.DateFrom(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)
            : null;

    private static string Not(string cell) => string.IsNullOrWhiteSpace(cell) ? string.Empty : $", not ‘{cell.Trim()}’";

    /// <summary>A row with text in cells past the last heading: a column without a heading.</summary>
    private static IEnumerable<string> ExtraCells(CsvRecords.Row row, int width)
    {
        for (var c = width; c < row.Cells.Count; c++)
        {
            if (!string.IsNullOrWhiteSpace(row.Cells[c]))
            {
                yield return $"Row {row.Number}, column {c + 1}: ‘{row.Cells[c].Trim()}’ is in a column with no heading";
                yield break;
            }
        }
    }

    /// <summary>An optional minus, digits with thousands separators in the right places (or none), then a decimal part.</summary>
    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex DatePattern();
}
