using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.AreaPlans;

internal sealed class AreaPlanConfiguration : IEntityTypeConfiguration<AreaPlan>
{
    public void Configure(EntityTypeBuilder<AreaPlan> builder)
    {
        builder.Property(p => p.Summary).HasMaxLength(4000);
        builder.HasOne(p => p.Area).WithMany().HasForeignKey(p => p.AreaId);
        builder.HasIndex(p => new { p.AreaId, p.FinancialYearStart }).IsUnique();
        builder.HasMany(p => p.Priorities).WithOne().HasForeignKey(p => p.AreaPlanId);
        builder.Navigation(p => p.Priorities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.HasOne(p => p.LeadOrganisation).WithMany().HasForeignKey(p => p.LeadOrganisationId);
    }
}
