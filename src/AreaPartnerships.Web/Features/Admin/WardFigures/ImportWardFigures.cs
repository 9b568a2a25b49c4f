using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Areas;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Admin.WardFigures;

/// <summary>
/// An administrator uploads a CSV of ward figures (<see cref="WardFigureFile"/> reads it). A file with any problem is
/// refused whole, each problem named by row and column; otherwise one save, in one transaction, records the import,
/// adds its figures, marks each ward's figure for the same measure (matched without regard to case) as replaced by
/// it — the old one stays, as history — and sets the ward's own population and deprivation rank from those columns, so
/// the wards page and the ward profile agree. A blank cell leaves the ward's current figure for that measure as it was.
/// Each ward given figures has its version moved on in the same save, so concurrent imports cannot leave two current
/// figures for one measure.
/// </summary>
public static class ImportWardFigures
{
    public sealed class Form
    {
        public IFormFile? File { get; set; }
    }

    /// <summary>The import page: the problems found in the file last uploaded, if any (the form itself is only the file).</summary>
    public sealed record Page(string? FileName, IReadOnlyList<string> Problems)
    {
        public static readonly Page Empty = new(null, []);
    }

    /// <summary>Saved (the import and its counts), or the file's problems.</summary>
    public sealed record Result(int? ImportId, int Figures, int Wards, IReadOnlyList<string> Problems)
    {
        public static Result Refused(IReadOnlyList<string> problems) => new(null, 0, 0, problems);

        /// <summary>"12 figures imported for 4 wards".</summary>
        public string Describe() =>
            $"{Infrastructure.UkFormat.Number(Figures)} {(Figures == 1 ? "figure" : "figures")} imported for {Infrastructure.UkFormat.Number(Wards)} {(Wards == 1 ? "ward" : "wards")}";
    }

    /// <summary>The shape of the upload: a file, not empty, named .csv, at most 1 MB. What is in it is the handler's to check.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.File).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select a CSV file of ward figures")
                .Must(f => f!.Length > 0).WithMessage("The selected file is empty")
                .Must(f => string.Equals(Path.GetExtension(f!.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
                .WithMessage("The selected file must be a CSV (a file name ending .csv)")
                .Must(f => f!.Length <= WardFigureFile.MaxBytes).WithMessage("The selected file must be smaller than 1 MB");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Form form, int actorId, CancellationToken ct)
        {
            var file = form.File!;
            byte[] bytes;
            await using (var stream = file.OpenReadStream())
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, ct);
                bytes = buffer.ToArray();
            }

            if (WardFigureFile.Decode(bytes) is not { } text)
            {
                return Result.Refused(["The selected file must be a CSV: this one is not text (save a spreadsheet as ‘CSV’ first)"]);
            }

            var wards = await db.Wards.AsNoTracking().Select(w => new WardFigureFile.KnownWard(w.Id, w.Name)).ToListAsync(ct);
            var parsed = WardFigureFile.Parse(text, wards);
            if (!parsed.IsValid)
            {
                return Result.Refused(parsed.Problems);
            }

            var fileName = Path.GetFileName(file.FileName).Trim();
            if (fileName.Length > WardFigureImport.FileNameMaxLength)
            {
                fileName = fileName[..(WardFigureImport.FileNameMaxLength - 4)].TrimEnd() + ".csv";
            }

            var import = new WardFigureImport(fileName, actorId, clock.GetUtcNow().UtcDateTime) { FigureCount = parsed.FigureCount };
            db.WardFigureImports.Add(import);

            // The import's key is not known until it is saved: its temporary key stands in for it in the new figures
            // and the replaced ones, and the one save below puts the real key in its place.
            var importId = db.Entry(import).Property(i => i.Id).CurrentValue;

            var wardIds = parsed.Wards.Select(w => w.WardId).ToList();
            var current = (await db.WardFigures.Where(f => wardIds.Contains(f.WardId) && f.ReplacedByImportId == null).ToListAsync(ct))
                .ToLookup(f => (f.WardId, Measure: f.Measure.Trim().ToUpperInvariant()));
            var tracked = await db.Wards.Where(w => wardIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);

            var wardsWithFigures = 0;
            foreach (var row in parsed.Wards)
            {
                var ward = tracked[row.WardId];
                int? population = ward.Population, rank = ward.DeprivationRank;
                var any = false;
                for (var c = 0; c < parsed.Columns.Count; c++)
                {
                    if (row.Values[c] is not { } value)
                    {
                        continue;
                    }

                    var column = parsed.Columns[c];
                    foreach (var old in current[(row.WardId, column.Measure.ToUpperInvariant())])
                    {
                        old.ReplaceBy(importId);
                    }

                    db.WardFigures.Add(new WardFigure(importId, row.WardId, column.Measure, value, column.Source, column.AsAt));
                    any = true;
                    if (column.IsPopulation)
                    {
                        population = (int)value;
                    }
                    else if (column.IsDeprivationRank)
                    {
                        rank = (int)value;
                    }
                }

                if (any)
                {
                    wardsWithFigures++;
                }

                if (population != ward.Population || rank != ward.DeprivationRank)
                {
                    ward.Update(ward.Name, ward.AreaId, population, rank, ward.IsActive);
                }

                // The ward's version moves on with every import that gives it figures, so two imports (or an import and an
                // edit on the wards page) racing over the same ward cannot both replace its current figures: the later save
                // finds the version changed and is refused whole.
                if (any)
                {
                    db.Entry(ward).Property(w => w.Version).IsModified = true;
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Refused(["A ward in the file was changed by someone else while the file was being imported. Nothing has been imported: upload the file again."]);
            }

            logger.LogInformation("User {UserId} imported {Figures} ward figures for {Wards} wards from {FileName} (import {ImportId})",
                actorId, parsed.FigureCount, wardsWithFigures, fileName, import.Id);
            return new Result(import.Id, parsed.FigureCount, wardsWithFigures, []);
        }
    }
}
