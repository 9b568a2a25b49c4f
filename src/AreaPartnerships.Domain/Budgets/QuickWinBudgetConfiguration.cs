using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Budgets;

internal sealed class QuickWinBudgetConfiguration : IEntityTypeConfiguration<QuickWinBudget>
{
    public void Configure(EntityTypeBuilder<QuickWinBudget> builder)
    {
        builder.Property(b => b.Allocation).HasPrecision(18, 2);
        builder.Property(b => b.Spent).HasPrecision(18, 2);
        builder.Ignore(b => b.Balance);
        builder.Ignore(b => b.FinancialYear);
        builder.HasOne(b => b.Area).WithMany().HasForeignKey(b => b.AreaId);
        builder.HasIndex(b => new { b.AreaId, b.FinancialYearStart }).IsUnique();

        // The monitor: every area's budget for a year, side by side.
        builder.HasIndex(b => new { b.FinancialYearStart, b.AreaId });
    }
}

internal sealed class QuickWinSpendConfiguration : IEntityTypeConfiguration<QuickWinSpend>
{
    public void Configure(EntityTypeBuilder<QuickWinSpend> builder)
    {
        builder.Property(s => s.Amount).HasPrecision(18, 2);
        builder.Property(s => s.Payee).HasMaxLength(QuickWinBudget.PayeeMaxLength);
        builder.Property(s => s.Purpose).HasMaxLength(QuickWinBudget.PurposeMaxLength);
        builder.Property(s => s.Reference).HasMaxLength(QuickWinBudget.ReferenceMaxLength);
        builder.Property(s => s.Reason).HasMaxLength(QuickWinBudget.ReasonMaxLength);
        builder.HasOne<QuickWinBudget>().WithMany().HasForeignKey(s => s.BudgetId);
        builder.HasOne<Issue>().WithMany().HasForeignKey(s => s.IssueId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.RecordedById);
        builder.HasOne<QuickWinSpend>().WithMany().HasForeignKey(s => s.AdjustsSpendId);

        // The ledger, newest first and paged by key; the entries against a spend; the spends on an issue.
        builder.HasIndex(s => new { s.BudgetId, s.SpentOn, s.Id });
        builder.HasIndex(s => s.AdjustsSpendId);
        builder.HasIndex(s => s.IssueId);
    }
}

internal sealed class AllocationChangeConfiguration : IEntityTypeConfiguration<AllocationChange>
{
    public void Configure(EntityTypeBuilder<AllocationChange> builder)
    {
        builder.Property(c => c.From).HasPrecision(18, 2);
        builder.Property(c => c.To).HasPrecision(18, 2);
        builder.Property(c => c.Reason).HasMaxLength(QuickWinBudget.ReasonMaxLength);
        builder.HasOne<QuickWinBudget>().WithMany().HasForeignKey(c => c.BudgetId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ById);
        builder.HasIndex(c => new { c.BudgetId, c.Id });
    }
}

internal sealed class QuickWinSettingsConfiguration : IEntityTypeConfiguration<QuickWinSettings>
{
    public void Configure(EntityTypeBuilder<QuickWinSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SpendCeiling).HasPrecision(18, 2);
        builder.HasData(new { Id = QuickWinSettings.SingletonId, SpendCeiling = (decimal?)null, Version = new Guid("6d1f2b7e-3c52-4f0e-9a3b-1f6a2b0c9d11") });
    }
}
