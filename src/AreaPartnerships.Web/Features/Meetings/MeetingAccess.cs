using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// Who may see and do what with which meeting: the one place these rules live. Two levels of seeing:
/// <list type="bullet">
/// <item><b>The meeting</b> (title, type, time, place, who is invited; the .ics): the partnership manager (all);
/// area managers and support officers (their areas' meetings); anyone invited; ward councillors for the
/// non-confidential community meetings of their wards. Anything else is "not found".</item>
/// <item><b>Its papers</b> (agenda, minutes, decisions, actions arising, timeline): the partnership manager; the
/// area's managers and support officers; for a non-confidential meeting, everyone invited and (community meetings)
/// the ward's councillors; for a confidential meeting, only those invited who have a confidentiality agreement on
/// record (council officers are bound by theirs). A councillor never sees a confidential meeting's papers, even
/// when invited by mistake. Borough meetings have no area: the partnership manager and those invited.</item>
/// </list>
/// Doing: schedule, change, cancel, invite, set the agenda and record the meeting: the partnership manager (every
/// meeting, and the only one for borough meetings), and the area's area managers and support officers. Approve the
/// minutes: the chair, or a manager of the area (the partnership manager included). Change approved minutes: a
/// manager of the area, with a reason. Reply to an invitation: the invitee.
/// </summary>
public static class MeetingAccess
{
    extension(Viewer viewer)
    {
        /// <summary>The meetings this person may see at all (the list, the page's header, the .ics).</summary>
        public IQueryable<Meeting> VisibleMeetings(AppDbContext db)
        {
            var meetings = db.Meetings.AsQueryable();
            var userId = viewer.UserId;
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager => meetings,
                Roles.AreaManager or Roles.SupportOfficer => meetings.Where(m =>
                    (m.AreaId != null && areaIds.Contains(m.AreaId.Value)) || m.Attendees.Any(a => a.UserId == userId)),
                Roles.Councillor => meetings.Where(m =>
                    m.Attendees.Any(a => a.UserId == userId)
                    || (m.Type == MeetingType.Community && !m.IsConfidential && m.WardId != null && wardIds.Contains(m.WardId.Value))),
                _ => meetings.Where(m => m.Attendees.Any(a => a.UserId == userId)),
            };
        }

        /// <summary>The meetings whose papers (agenda, minutes, decisions, actions arising, timeline) this person may read.</summary>
        public IQueryable<Meeting> MeetingsWithPapers(AppDbContext db)
        {
            var meetings = db.Meetings.AsQueryable();
            var userId = viewer.UserId;
            var areaIds = viewer.AreaIds;
            var wardIds = viewer.WardIds;
            return viewer.Role switch
            {
                Roles.PartnershipManager => meetings,

                // Council officers are bound by their own confidentiality terms: invited, they see the papers.
                Roles.AreaManager or Roles.SupportOfficer => meetings.Where(m =>
                    (m.AreaId != null && areaIds.Contains(m.AreaId.Value)) || m.Attendees.Any(a => a.UserId == userId)),

                // Never a confidential meeting's papers, invited or not.
                Roles.Councillor => meetings.Where(m => !m.IsConfidential
                    && (m.Attendees.Any(a => a.UserId == userId)
                        || (m.Type == MeetingType.Community && m.WardId != null && wardIds.Contains(m.WardId.Value)))),

                // Partners: invited, and for a confidential meeting only with an agreement on record.
                Roles.PartnerUser when viewer.HasConfidentialityAgreement => meetings.Where(m => m.Attendees.Any(a => a.UserId == userId)),
                Roles.PartnerUser => meetings.Where(m => !m.IsConfidential && m.Attendees.Any(a => a.UserId == userId)),
                _ => meetings.Where(m => false),
            };
        }

        /// <summary>Schedule meetings at all (the "Schedule a meeting" button): managers and support officers with an area, and the partnership manager.</summary>
        public bool CanScheduleMeetings =>
            viewer.Role == Roles.PartnershipManager
            || (viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Count > 0);

        /// <summary>The meeting types this person may schedule: borough meetings are the partnership manager's.</summary>
        public IReadOnlyList<MeetingType> SchedulableTypes =>
            viewer.Role == Roles.PartnershipManager
                ? Enum.GetValues<MeetingType>()
                : viewer.CanScheduleMeetings ? [.. Enum.GetValues<MeetingType>().Where(t => !Meeting.IsBoroughType(t))] : [];

        /// <summary>Change, cancel, invite, set the agenda, record attendance, minutes, decisions and actions arising.</summary>
        public bool CanRunMeeting(int? areaId) =>
            viewer.Role == Roles.PartnershipManager
            || (areaId is { } area && viewer.Role is Roles.AreaManager or Roles.SupportOfficer && viewer.AreaIds.Contains(area));

        /// <summary>Mark the minutes approved: the chair, or a manager of the area (the partnership manager for every meeting).</summary>
        public bool CanApproveMinutes(int? areaId, int? chairUserId) =>
            viewer.UserId == chairUserId || viewer.CanAmendApprovedMinutes(areaId);

        /// <summary>Change minutes once approved (with a reason): the area's area manager, or the partnership manager.</summary>
        public bool CanAmendApprovedMinutes(int? areaId) =>
            viewer.Role == Roles.PartnershipManager || (areaId is { } area && viewer.ManagesArea(area));
    }
}
