using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>
/// The meetings this person may see (<see cref="MeetingAccess.VisibleMeetings"/>), by area (or the borough's), type
/// and dates: upcoming ones soonest first (from the start of today, UK time), or past ones most recent first. Read a
/// page at a time by key on (StartsAt, Id), which the meeting indexes serve; no total is counted, so the cost is the
/// page, not the table.
/// </summary>
public static class ListMeetings
{
    public const int PageSize = 25;

    public const string Upcoming = "upcoming";

    public const string Past = "past";

    /// <summary>The area filter's value for the borough meetings (no area).</summary>
    public const string Borough = "borough";

    public sealed class Query
    {
        /// <summary>An area's id, <see cref="Borough"/>, or empty for every area.</summary>
        public string? Area { get; set; }

        public MeetingType? Type { get; set; }

        public string? FromDay { get; set; }

        public string? FromMonth { get; set; }

        public string? FromYear { get; set; }

        public string? ToDay { get; set; }

        public string? ToMonth { get; set; }

        public string? ToYear { get; set; }

        /// <summary><see cref="Upcoming"/> (the default) or <see cref="Past"/>.</summary>
        public string? When { get; set; } = Upcoming;

        /// <summary>Show the page that starts after this meeting (its id; <see cref="SeekLinks"/>).</summary>
        public int? After { get; set; }

        /// <summary>Show the page that ends before this meeting.</summary>
        public int? Before { get; set; }

        /// <summary>Show the last page.</summary>
        public bool Last { get; set; }

        public DateOnly? From => UkFormat.DateFrom(FromDay, FromMonth, FromYear);

        public DateOnly? To => UkFormat.DateFrom(ToDay, ToMonth, ToYear);

        public bool IsPast => When == Past;

        public int? AreaId => int.TryParse(Area, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

        public bool HasFilters => !string.IsNullOrEmpty(Area) || Type is not null || From is not null || To is not null;
    }

    public sealed record Row(int Id, string Title, MeetingType Type, string? Area, DateTime StartsAt, DateTime EndsAt, MeetingStatus Status, bool IsConfidential)
    {
        public bool IsCancelled => Status == MeetingStatus.Cancelled;
    }

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, SeekLinks.Position Position, IReadOnlyList<SelectListItem> Areas, IReadOnlyList<SelectListItem> Types, bool CanSchedule);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Viewer viewer, Query query, CancellationToken ct)
        {
            query.When = query.When?.Trim().ToLowerInvariant() == Past ? Past : Upcoming;
            if (query.Type is { } type && !Enum.IsDefined(type))
            {
                query.Type = null;
            }

            var meetings = Filter(viewer, query);
            var (rows, position) = await PageAsync(viewer, query, meetings, ct);
            return new Result(query, rows, position, await AreasAsync(viewer, query, ct), Types(query), viewer.CanScheduleMeetings);
        }

        private IQueryable<Meeting> Filter(Viewer viewer, Query query)
        {
            var meetings = viewer.VisibleMeetings(db).AsNoTracking();
            if (query.Area == Borough)
            {
                meetings = meetings.Where(m => m.AreaId == null);
            }
            else if (query.AreaId is { } areaId)
            {
                meetings = meetings.Where(m => m.AreaId == areaId);
            }

            if (query.Type is { } type)
            {
                meetings = meetings.Where(m => m.Type == type);
            }

            // Upcoming: from the start of today (a meeting later today is still to come); past: before it.
            var today = UkTime.ToUtc(UkFormat.UkToday(clock), TimeOnly.MinValue) ?? clock.GetUtcNow().UtcDateTime;
            meetings = query.IsPast ? meetings.Where(m => m.StartsAt < today) : meetings.Where(m => m.StartsAt >= today);
            if (query.From is { } from && UkTime.ToUtc(from, TimeOnly.MinValue) is { } fromUtc)
            {
                meetings = meetings.Where(m => m.StartsAt >= fromUtc);
            }

            if (query.To is { } to && UkTime.ToUtc(to.AddDays(1), TimeOnly.MinValue) is { } toUtc)
            {
                meetings = meetings.Where(m => m.StartsAt < toUtc);
            }

            return meetings;
        }

        /// <summary>
        /// One page by key on (StartsAt, Id): the first page, the page after or before a meeting the person may see, or
        /// the last page (the first read in reverse). One more row than the page is read to know whether there is more.
        /// </summary>
        private async Task<(IReadOnlyList<Row> Rows, SeekLinks.Position Position)> PageAsync(Viewer viewer, Query query, IQueryable<Meeting> meetings, CancellationToken ct)
        {
            var ascending = !query.IsPast;
            var anchorId = query.After ?? query.Before;
            var anchor = query.Last || anchorId is null ? null : await viewer.VisibleMeetings(db).Where(m => m.Id == anchorId)
                .Select(m => new { m.Id, m.StartsAt }).SingleOrDefaultAsync(ct);

            var backwards = query.Last || (anchor is not null && query.After is null);
            var up = backwards ? !ascending : ascending;
            if (anchor is not null)
            {
                var (at, id) = (anchor.StartsAt, anchor.Id);
                meetings = up
                    ? meetings.Where(m => m.StartsAt >= at && (m.StartsAt > at || m.Id > id))
                    : meetings.Where(m => m.StartsAt <= at && (m.StartsAt < at || m.Id < id));
            }

            var ordered = up
                ? meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
                : meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id);
            var rows = await ordered.Take(PageSize + 1)
                .Select(m => new Row(m.Id, m.Title, m.Type, db.Areas.Where(a => a.Id == m.AreaId).Select(a => a.Name).FirstOrDefault(),
                    m.StartsAt, m.EndsAt, m.Status, m.IsConfidential))
                .ToListAsync(ct);

            return SeekLinks.Page(rows, PageSize, backwards, fromRow: anchor is not null, last: query.Last, r => Key(r.Id));
        }

        /// <summary>The areas to filter by (officers their own, the partnership manager and everyone else every active area), and the borough.</summary>
        private async Task<IReadOnlyList<SelectListItem>> AreasAsync(Viewer viewer, Query query, CancellationToken ct)
        {
            var areaIds = viewer.AreaIds;
            var areas = db.Areas.AsNoTracking().Where(a => a.IsActive);
            if (viewer.Role is Roles.AreaManager or Roles.SupportOfficer)
            {
                areas = areas.Where(a => areaIds.Contains(a.Id));
            }

            var items = await areas.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            return
            [
                new SelectListItem("Any area", "", string.IsNullOrEmpty(query.Area)),
                .. items.Select(a => new SelectListItem(a.Name, MeetingChoices.Value(a.Id), query.AreaId == a.Id)),
                new SelectListItem("Borough meetings", Borough, query.Area == Borough),
            ];
        }

        private static IReadOnlyList<SelectListItem> Types(Query query) =>
        [
            new SelectListItem("Any type", "", query.Type is null),
            .. Enum.GetValues<MeetingType>().Select(t => new SelectListItem(Meeting.TypeName(t), t.ToString(), query.Type == t)),
        ];

        private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
    }
}
