using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.CostAvoidance;

internal sealed class UnitCostConfiguration : IEntityTypeConfiguration<UnitCost>
{
    public void Configure(EntityTypeBuilder<UnitCost> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(UnitCost.NameMaxLength);
        builder.Property(u => u.Unit).HasMaxLength(UnitCost.UnitMaxLength);
        builder.Property(u => u.Source).HasMaxLength(UnitCost.SourceMaxLength);
        builder.Property(u => u.Cost).HasPrecision(18, 2);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class IssueCostConfiguration : IEntityTypeConfiguration<IssueCost>
{
    public void Configure(EntityTypeBuilder<IssueCost> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(IssueCost.DescriptionMaxLength);
        builder.Property(c => c.Unit).HasMaxLength(UnitCost.UnitMaxLength);
        builder.Property(c => c.WithdrawnReason).HasMaxLength(IssueCost.ReasonMaxLength);
        builder.Property(c => c.Amount).HasPrecision(18, 2);
        builder.Property(c => c.UnitCostAtTime).HasPrecision(18, 2);
        builder.Property(c => c.Quantity).HasPrecision(18, 2);
        builder.Ignore(c => c.IsWithdrawn);
        builder.HasOne<Issue>().WithMany().HasForeignKey(c => c.IssueId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UnitCost>().WithMany().HasForeignKey(c => c.UnitCostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.WithdrawnById).OnDelete(DeleteBehavior.Restrict);

        // An issue's costs; the value-for-money report's period.
        builder.HasIndex(c => new { c.IssueId, c.IncurredOn });
        builder.HasIndex(c => new { c.IncurredOn, c.IssueId });
        builder.HasIndex(c => c.UnitCostId);
    }
}

internal sealed class CostEstimateConfiguration : IEntityTypeConfiguration<CostEstimate>
{
    public void Configure(EntityTypeBuilder<CostEstimate> builder)
    {
        builder.Property(e => e.Method).HasMaxLength(CostEstimate.MethodMaxLength);
        builder.Property(e => e.Avoided).HasPrecision(18, 2);
        builder.HasOne<Issue>().WithMany().HasForeignKey(e => e.IssueId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.CostEstimateId);
        builder.Navigation(e => e.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One estimate per issue; the value-for-money report's period.
        builder.HasIndex(e => e.IssueId).IsUnique();
        builder.HasIndex(e => new { e.EstimatedOn, e.IssueId });
    }
}

internal sealed class CostEstimateLineConfiguration : IEntityTypeConfiguration<EstimateLine>
{
    public void Configure(EntityTypeBuilder<EstimateLine> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(UnitCost.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(UnitCost.UnitMaxLength);
        builder.Property(l => l.UnitCostAtTime).HasPrecision(18, 2);
        builder.Property(l => l.Quantity).HasPrecision(18, 2);
        builder.Property(l => l.Probability).HasPrecision(9, 4);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Note).HasMaxLength(EstimateLine.NoteMaxLength);
        builder.HasOne<Issue>().WithMany().HasForeignKey(l => l.IssueId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<UnitCost>().WithMany().HasForeignKey(l => l.UnitCostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.RemovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.CostEstimateId);
        builder.HasIndex(l => l.IssueId);
        builder.HasIndex(l => l.UnitCostId);
    }
}
