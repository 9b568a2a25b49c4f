using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Venue).HasMaxLength(200);
        builder.Property(m => m.Minutes).HasMaxLength(20000);
        builder.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId);
        builder.HasOne<Ward>().WithMany().HasForeignKey(m => m.WardId);
        builder.HasOne<TaskGroup>().WithMany().HasForeignKey(m => m.TaskGroupId);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId);
        builder.Navigation(m => m.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.AgendaItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => new { m.AreaId, m.StartsAt });
        builder.HasIndex(m => m.WardId);
        builder.HasIndex(m => m.TaskGroupId);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.Property(a => a.GuestName).HasMaxLength(150);
        builder.Property(a => a.GuestOrganisation).HasMaxLength(150);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId);
        builder.HasIndex(a => new { a.MeetingId, a.UserId });
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Minute).HasMaxLength(8000);
        builder.HasOne<Issue>().WithMany().HasForeignKey(a => a.IssueId);
        builder.HasOne<TaskGroup>().WithMany().HasForeignKey(a => a.TaskGroupId);
        builder.HasIndex(a => new { a.MeetingId, a.Order });
        builder.HasIndex(a => a.IssueId);
        builder.HasIndex(a => a.TaskGroupId);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(4000);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.RecordedById);
        builder.HasIndex(d => d.MeetingId);
        builder.HasIndex(d => d.AgendaItemId);
    }
}
