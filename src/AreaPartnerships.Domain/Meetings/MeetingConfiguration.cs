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
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        builder.Property(m => m.Venue).HasMaxLength(Meeting.VenueMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(Meeting.OnlineLinkMaxLength);
        builder.Property(m => m.Purpose).HasMaxLength(Meeting.PurposeMaxLength);
        builder.Property(m => m.CancellationReason).HasMaxLength(Meeting.ReasonMaxLength);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        builder.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId);
        builder.HasOne<Ward>().WithMany().HasForeignKey(m => m.WardId);
        builder.HasOne<TaskGroup>().WithMany().HasForeignKey(m => m.TaskGroupId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.ChairUserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.CreatedById);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.MinutesApprovedById);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MeetingId);
        builder.Navigation(m => m.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.AgendaItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The lists: an area's meetings by date, the borough's by date (all areas), by type, and paging by (StartsAt, Id).
        builder.HasIndex(m => new { m.AreaId, m.StartsAt, m.Id });
        builder.HasIndex(m => new { m.StartsAt, m.Id });
        builder.HasIndex(m => new { m.Type, m.StartsAt, m.Id });
        builder.HasIndex(m => new { m.WardId, m.StartsAt });
        builder.HasIndex(m => m.TaskGroupId);
        builder.HasIndex(m => m.CalendarUid).IsUnique();
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.Property(a => a.GuestName).HasMaxLength(MeetingAttendee.NameMaxLength);
        builder.Property(a => a.GuestOrganisation).HasMaxLength(MeetingAttendee.NameMaxLength);
        builder.Property(a => a.GuestEmail).HasMaxLength(MeetingAttendee.EmailMaxLength);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.InvitedById);
        builder.HasIndex(a => new { a.MeetingId, a.UserId });

        // "My meetings" and the access rule: a person's invitations, one seek.
        builder.HasIndex(a => new { a.UserId, a.MeetingId });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.Property(a => a.Minute).HasMaxLength(AgendaItem.MinuteMaxLength);
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
        builder.Property(d => d.Text).HasMaxLength(Decision.TextMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.RecordedById);
        builder.HasIndex(d => d.MeetingId);
        builder.HasIndex(d => d.AgendaItemId);
    }
}

internal sealed class MeetingEventConfiguration : IEntityTypeConfiguration<MeetingEvent>
{
    public void Configure(EntityTypeBuilder<MeetingEvent> builder)
    {
        builder.Property(e => e.Summary).HasMaxLength(MeetingEvent.SummaryMaxLength);
        builder.Property(e => e.Body).HasMaxLength(Meeting.MinutesMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId);
        builder.HasIndex(e => new { e.MeetingId, e.Id });
    }
}
