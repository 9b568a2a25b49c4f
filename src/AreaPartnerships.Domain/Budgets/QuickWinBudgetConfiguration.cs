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
    }
}

internal sealed class QuickWinSpendConfiguration : IEntityTypeConfiguration<QuickWinSpend>
{
    public void Configure(EntityTypeBuilder<QuickWinSpend> builder)
    {
        builder.Property(s => s.Amount).HasPrecision(18, 2);
        builder.Property(s => s.Payee).HasMaxLength(200);
        builder.Property(s => s.Purpose).HasMaxLength(1000);
        builder.HasOne<QuickWinBudget>().WithMany().HasForeignKey(s => s.BudgetId);
        builder.HasOne<Issue>().WithMany().HasForeignKey(s => s.IssueId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.RecordedById);
        builder.HasOne<QuickWinSpend>().WithMany().HasForeignKey(s => s.ReversesSpendId);
        builder.HasIndex(s => new { s.BudgetId, s.SpentOn });
        builder.HasIndex(s => s.IssueId);
    }
}
