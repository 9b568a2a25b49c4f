using System.Text;

namespace AreaPartnerships.Web.Features.Admin.WardFigures;

/// <summary>
/// Reads CSV text as RFC 4180 describes it (and as spreadsheets save it): records end with CRLF, LF or CR; cells are
/// separated by commas; a cell in double quotes may hold commas, line breaks and doubled quotes (<c>""</c> is one
/// quote). A line break at the very end of the file ends the last record rather than starting an empty one. The
/// only refusals are the two the RFC leaves no way to read: a quoted cell never closed, and text after a closing
/// quote (<c>"Bloxwich" East</c>). A quote inside an unquoted cell is kept as it stands.
/// <see cref="Infrastructure.Csv"/> writes CSV; this reads it.
/// </summary>
public static class CsvRecords
{
    /// <summary>One record: its number in the file (1 for the first, as a spreadsheet numbers its rows) and its cells.</summary>
    public sealed record Row(int Number, IReadOnlyList<string> Cells)
    {
        /// <summary>The cell in the (0-based) column, or empty when the row is shorter.</summary>
        public string this[int column] => column < Cells.Count ? Cells[column] : string.Empty;

        public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>The rows read, or why the text cannot be read as CSV (then <see cref="Rows"/> holds those read before it).</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, string? Error);

    public static Result Read(string text)
    {
        var rows = new List<Row>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var atCellStart = true;

        void EndCell()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            atCellStart = true;
        }

        void EndRow()
        {
            EndCell();
            rows.Add(new Row(rows.Count + 1, cells.ToArray()));
            cells.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (atCellStart && c == '"')
            {
                // A quoted cell: read to its closing quote, keeping commas and line breaks, "" as one quote.
                var opened = rows.Count + 1;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return new Result(rows, $"Row {opened}, column {cells.Count + 1}: a cell starts with a quote (\") that is never closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i]);
                    i++;
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    return new Result(rows, $"Row {rows.Count + 1}, column {cells.Count + 1}: there is text after the closing quote of a quoted cell");
                }

                atCellStart = false;
                continue;
            }

            atCellStart = false;
            switch (c)
            {
                case ',':
                    EndCell();
                    i++;
                    break;
                case '\r':
                case '\n':
                    EndRow();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                default:
                    cell.Append(c);
                    i++;
                    break;
            }
        }

        // The last record, unless the text ended with its line break (or is empty).
        if (!atCellStart || cells.Count > 0)
        {
            EndRow();
        }

        return new Result(rows, null);
    }
}
