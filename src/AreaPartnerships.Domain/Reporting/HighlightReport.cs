using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Reporting;

public enum HighlightReportStatus
{
    Draft = 1,
    Submitted = 2,
}

/// <summary>
/// An area's highlight report to the Borough Management Team for one financial quarter: the area manager's own
/// words (achievements, risks and issues, asks of the BMT) beside the quarter's figures. While a draft, the
/// figures are read live; on submission they are frozen (<see cref="FrozenFigures"/>, as at that moment) and the
/// report no longer changes.
/// </summary>
public class HighlightReport : IVersioned
{
    public const int TextMaxLength = 4000;

    public HighlightReport(int areaId, DateOnly quarterStarts)
    {
        if (quarterStarts.Day != 1 || quarterStarts.Month % 3 != 1)
        {
            throw new DomainException("A quarter starts on 1 April, 1 July, 1 October or 1 January", nameof(QuarterStarts));
        }

        AreaId = areaId;
        QuarterStarts = quarterStarts;
        Status = HighlightReportStatus.Draft;
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public Area Area { get; private set; } = null!;

    /// <summary>The first day of the financial quarter (1 April, 1 July, 1 October or 1 January).</summary>
    public DateOnly QuarterStarts { get; private set; }

    public DateOnly QuarterEnds => QuarterStarts.AddMonths(3).AddDays(-1);

    public string? Achievements { get; private set; }

    public string? RisksAndIssues { get; private set; }

    public string? AsksOfBoard { get; private set; }

    public HighlightReportStatus Status { get; private set; }

    public int? SubmittedById { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    /// <summary>The figures as they were at submission (JSON written by the web tier); null while a draft.</summary>
    public string? FrozenFigures { get; private set; }

    public Guid Version { get; set; }

    public bool IsSubmitted => Status == HighlightReportStatus.Submitted;

    /// <summary>Saves the area manager's words; refused once submitted.</summary>
    public void Write(string? achievements, string? risksAndIssues, string? asksOfBoard)
    {
        EnsureDraft();
        Achievements = Guard.Optional(achievements, nameof(Achievements), TextMaxLength);
        RisksAndIssues = Guard.Optional(risksAndIssues, nameof(RisksAndIssues), TextMaxLength);
        AsksOfBoard = Guard.Optional(asksOfBoard, nameof(AsksOfBoard), TextMaxLength);
    }

    /// <summary>Submits the report with its figures as they stand now; from here it is frozen.</summary>
    public void Submit(string frozenFigures, int actorId, DateTime at)
    {
        EnsureDraft();
        if (Achievements is null && RisksAndIssues is null && AsksOfBoard is null)
        {
            throw new DomainException("Write the achievements, risks and issues or asks of the Borough Management Team before submitting", nameof(Achievements));
        }

        FrozenFigures = frozenFigures;
        SubmittedById = actorId;
        SubmittedAt = at;
        Status = HighlightReportStatus.Submitted;
    }

    private void EnsureDraft()
    {
        if (IsSubmitted)
        {
            throw new DomainException("This report has been submitted: it can no longer be changed");
        }
    }
}

internal sealed class HighlightReportConfiguration : IEntityTypeConfiguration<HighlightReport>
{
    public void Configure(EntityTypeBuilder<HighlightReport> builder)
    {
        builder.Property(r => r.Achievements).HasMaxLength(HighlightReport.TextMaxLength);
        builder.Property(r => r.RisksAndIssues).HasMaxLength(HighlightReport.TextMaxLength);
        builder.Property(r => r.AsksOfBoard).HasMaxLength(HighlightReport.TextMaxLength);
        builder.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(r => r.SubmittedById);
        builder.HasIndex(r => new { r.AreaId, r.QuarterStarts }).IsUnique();

        // The partnership manager's side-by-side view reads one quarter across every area.
        builder.HasIndex(r => new { r.QuarterStarts, r.Status });
    }
}
