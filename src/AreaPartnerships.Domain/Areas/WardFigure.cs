using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Areas;

/// <summary>
/// One administrator's upload of ward profile figures (a CSV file): when, by whom, from which file, and how many
/// figures it carried. Imports are kept, never deleted: they are the history of every ward's figures.
/// </summary>
public class WardFigureImport
{
    public const int FileNameMaxLength = 260;

    public WardFigureImport(string fileName, int importedById, DateTime importedAt)
    {
        FileName = Guard.Required(fileName, "The file has no name", nameof(FileName), FileNameMaxLength);
        ImportedById = importedById;
        ImportedAt = importedAt;
    }

    public int Id { get; private set; }

    public string FileName { get; private set; }

    public int ImportedById { get; private set; }

    public DateTime ImportedAt { get; private set; }

    /// <summary>How many ward × measure figures the file carried.</summary>
    public int FigureCount { get; set; }
}

/// <summary>
/// A key figure for a ward (population, households, deprivation rank, claimant count — whatever the imported
/// file's columns were), with the source and date the file gave for its column. A re-import of the same measure
/// for a ward replaces the figure: the old one stays, marked with the import that replaced it, so the history is kept.
/// </summary>
public class WardFigure
{
    public const int MeasureMaxLength = 100;
    public const int SourceMaxLength = 200;

    public WardFigure(int importId, int wardId, string measure, decimal value, string source, DateOnly asAt)
    {
        ImportId = importId;
        WardId = wardId;
        Measure = Guard.Required(measure, "Enter the measure's name", nameof(Measure), MeasureMaxLength);
        Value = value;
        Source = Guard.Required(source, "Enter the figure's source", nameof(Source), SourceMaxLength);
        AsAt = asAt;
    }

    public long Id { get; private set; }

    public int ImportId { get; private set; }

    public WardFigureImport Import { get; private set; } = null!;

    public int WardId { get; private set; }

    /// <summary>The column's heading in the file ("Population", "Claimant count").</summary>
    public string Measure { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>Where the figure comes from ("ONS Census 2021").</summary>
    public string Source { get; private set; }

    /// <summary>The date the figure describes.</summary>
    public DateOnly AsAt { get; private set; }

    /// <summary>The later import that replaced this figure; null while it is the ward's current figure for the measure.</summary>
    public int? ReplacedByImportId { get; private set; }

    public bool IsCurrent => ReplacedByImportId is null;

    public void ReplaceBy(int importId) => ReplacedByImportId ??= importId;
}

internal sealed class WardFigureImportConfiguration : IEntityTypeConfiguration<WardFigureImport>
{
    public void Configure(EntityTypeBuilder<WardFigureImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(WardFigureImport.FileNameMaxLength);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(i => i.ImportedById);
        builder.HasIndex(i => i.ImportedAt);
    }
}

internal sealed class WardFigureConfiguration : IEntityTypeConfiguration<WardFigure>
{
    public void Configure(EntityTypeBuilder<WardFigure> builder)
    {
        builder.Property(f => f.Measure).HasMaxLength(WardFigure.MeasureMaxLength);
        builder.Property(f => f.Source).HasMaxLength(WardFigure.SourceMaxLength);
        builder.Property(f => f.Value).HasPrecision(18, 4);
        builder.HasOne(f => f.Import).WithMany().HasForeignKey(f => f.ImportId);
        builder.HasOne<Ward>().WithMany().HasForeignKey(f => f.WardId);
        builder.HasOne<WardFigureImport>().WithMany().HasForeignKey(f => f.ReplacedByImportId);
        builder.Ignore(f => f.IsCurrent);

        // A ward's current figures, and its history of one measure.
        builder.HasIndex(f => new { f.WardId, f.ReplacedByImportId, f.Measure });
    }
}
