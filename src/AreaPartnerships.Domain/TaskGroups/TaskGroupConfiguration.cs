using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.TaskGroups;

internal sealed class TaskGroupConfiguration : IEntityTypeConfiguration<TaskGroup>
{
    public void Configure(EntityTypeBuilder<TaskGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(TaskGroup.NameMaxLength);
        builder.Property(g => g.ClosingSummary).HasMaxLength(TaskGroup.SummaryMaxLength);
        builder.HasOne(g => g.Area).WithMany().HasForeignKey(g => g.AreaId);
        builder.HasOne(g => g.Priority).WithMany().HasForeignKey(g => g.PriorityId);
        builder.HasOne(g => g.LeadOrganisation).WithMany().HasForeignKey(g => g.LeadOrganisationId);
        builder.HasOne(g => g.LeadUser).WithMany().HasForeignKey(g => g.LeadUserId);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.TaskGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(g => g.Events).WithOne().HasForeignKey(e => e.TaskGroupId);
        builder.Navigation(g => g.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(g => new { g.AreaId, g.Status });
        builder.HasIndex(g => new { g.Status, g.ReviewOn });
        builder.HasIndex(g => g.LeadUserId);
    }
}

internal sealed class TaskGroupMemberConfiguration : IEntityTypeConfiguration<TaskGroupMember>
{
    public void Configure(EntityTypeBuilder<TaskGroupMember> builder)
    {
        builder.HasKey(m => new { m.TaskGroupId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(PlanAction.DescriptionMaxLength);
        builder.Property(a => a.StatusReason).HasMaxLength(PlanAction.ReasonMaxLength);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.PlanActionId);
        builder.Navigation(a => a.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(a => a.TaskGroup).WithMany().HasForeignKey(a => a.TaskGroupId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId);
        builder.HasOne<Issue>().WithMany().HasForeignKey(a => a.IssueId);
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.TaskGroupId, a.Status, a.DueOn });
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.IssueId);

        // The reminders (due in two days, overdue in the last 30 days): a range of due dates, whatever the owner or group.
        builder.HasIndex(a => new { a.DueOn, a.Status });
    }
}

internal sealed class PlanActionUpdateConfiguration : IEntityTypeConfiguration<PlanActionUpdate>
{
    public void Configure(EntityTypeBuilder<PlanActionUpdate> builder)
    {
        builder.Property(u => u.Text).HasMaxLength(PlanAction.UpdateMaxLength);
        builder.Property(u => u.Reason).HasMaxLength(PlanAction.ReasonMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(u => u.ById);
        // History reads newest first by when each update was recorded (then Id): one range seek.
        builder.HasIndex(u => new { u.PlanActionId, u.RecordedAt, u.Id });
    }
}

internal sealed class TaskGroupEventConfiguration : IEntityTypeConfiguration<TaskGroupEvent>
{
    public void Configure(EntityTypeBuilder<TaskGroupEvent> builder)
    {
        builder.Property(e => e.Summary).HasMaxLength(TaskGroupEvent.SummaryMaxLength);
        builder.Property(e => e.Body).HasMaxLength(4000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(e => e.PlanActionId);
        // The timeline reads newest first by when things happened (then Id): one range seek.
        builder.HasIndex(e => new { e.TaskGroupId, e.OccurredAt, e.Id });
        builder.HasIndex(e => e.ActorId);
        builder.HasIndex(e => e.PlanActionId);
    }
}
