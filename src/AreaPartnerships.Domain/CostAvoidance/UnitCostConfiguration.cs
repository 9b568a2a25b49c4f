using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.CostAvoidance;

internal sealed class UnitCostConfiguration : IEntityTypeConfiguration<UnitCost>
{
    public void Configure(EntityTypeBuilder<UnitCost> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(150);
        builder.Property(u => u.Unit).HasMaxLength(50);
        builder.Property(u => u.Source).HasMaxLength(300);
        builder.Property(u => u.Cost).HasPrecision(18, 2);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class CostEstimateLineConfiguration : IEntityTypeConfiguration<CostEstimateLine>
{
    public void Configure(EntityTypeBuilder<CostEstimateLine> builder)
    {
        builder.Property(l => l.UnitCostAtTime).HasPrecision(18, 2);
        builder.Property(l => l.Quantity).HasPrecision(18, 2);
        builder.Property(l => l.Note).HasMaxLength(1000);
        builder.Ignore(l => l.Total);
        builder.HasOne<Issue>().WithMany().HasForeignKey(l => l.IssueId);
        builder.HasOne<UnitCost>().WithMany().HasForeignKey(l => l.UnitCostId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.RecordedById);
        builder.HasIndex(l => new { l.IssueId, l.Kind });
        builder.HasIndex(l => l.UnitCostId);
    }
}
