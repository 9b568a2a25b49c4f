using System.Text.Json;
using System.Text.Json.Serialization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Features.ValueForMoney;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// The figures of a highlight report for one area and a period (a financial quarter, or any run of whole months), computed
/// in one place and used alike for the quarter and the one before it, and for the side-by-side list's headline figures.
/// <list type="bullet">
/// <item>Issues raised and resolved by level, step-ups and step-downs, from the month summary (<see cref="IssueMonthCount"/>:
/// raised by source summed over sources, resolved summed over days taken, flows from → to). A quarter is whole months, so
/// the summary fits it exactly. The level is the issue's level now (raised) or when resolved; untriaged is level 0.</item>
/// <item>Task groups: active at the end of the period (set up before it ended, not closed by then); their actions done
/// (marked done) in the period; their actions due in the period that are still open; and their open actions overdue at the
/// end of the period (or today, if sooner).</item>
/// <item>Meetings of the area held in the period (started before today, not cancelled), by type.</item>
/// <item>Quick-win spend dated in the period (net of corrections and reversals), and the financial year's allocation, spent
/// to the end of the period and remaining.</item>
/// <item>Value for money: <see cref="ValueForMoneyReport"/> for the area and period, as it computes it.</item>
/// <item>The area plan's priorities for the period's financial year, each with the active task groups serving it at the
/// end of the period and their overdue actions.</item>
/// </list>
/// Every figure counts every issue, group and meeting in the area (confidential ones too): the report is read only by
/// the area's officers and the partnership manager, who see them all. The database is asked a fixed number of narrow
/// questions, each on the area's own rows by an index (ten, four of them the value-for-money report's).
/// </summary>
public static class HighlightFigures
{
    /// <summary>An issue level (1–4; 0 for not yet triaged) and a count.</summary>
    public sealed record LevelCount(int Level, int Count);

    /// <summary>Issues moved from one level to another in the period.</summary>
    public sealed record FlowCount(int From, int To, int Count);

    public sealed record TypeCount(MeetingType Type, int Count);

    /// <summary>An area plan priority and how it stood at the end of the period.</summary>
    public sealed record PriorityFigure(int Id, string Title, string? LeadOrganisation, int ActiveTaskGroups, int OverdueActions)
    {
        [JsonIgnore]
        public string Status => ActiveTaskGroups == 0
            ? "No active task group"
            : OverdueActions > 0 ? "Being worked on, with overdue actions" : "Being worked on";
    }

    /// <summary>The issue figures (also the side-by-side list's headline figures).</summary>
    public sealed record IssueFigures(IReadOnlyList<LevelCount> Raised, IReadOnlyList<LevelCount> Resolved, int StepUps, int StepDowns, IReadOnlyList<FlowCount> Flows)
    {
        [JsonIgnore]
        public int RaisedTotal => Raised.Sum(r => r.Count);

        [JsonIgnore]
        public int ResolvedTotal => Resolved.Sum(r => r.Count);

        /// <summary>From the month summary's rows (measure, level, key, total) of the period.</summary>
        public static IssueFigures From(IEnumerable<(IssueMeasure Measure, int Level, int Key, int Total)> rows)
        {
            var list = rows.ToList();
            IReadOnlyList<LevelCount> ByLevel(IssueMeasure measure) =>
                [.. Levels.Select(level => new LevelCount(level, list.Where(r => r.Measure == measure && r.Level == level).Sum(r => r.Total)))];
            var flows = list.Where(r => r.Measure == IssueMeasure.Flow && r.Total != 0)
                .GroupBy(r => (r.Level, r.Key))
                .Select(g => new FlowCount(g.Key.Level, g.Key.Key, g.Sum(r => r.Total)))
                .OrderBy(f => f.From).ThenBy(f => f.To)
                .ToList();
            return new IssueFigures(ByLevel(IssueMeasure.RaisedBySource), ByLevel(IssueMeasure.Resolved),
                flows.Where(f => f.To > f.From).Sum(f => f.Count), flows.Where(f => f.To < f.From).Sum(f => f.Count), flows);
        }
    }

    /// <summary>Levels 1 to 4, then not yet triaged (0).</summary>
    public static readonly IReadOnlyList<int> Levels = [1, 2, 3, 4, IssueCount.Untriaged];

    public static string LevelName(int level) => level == IssueCount.Untriaged ? "Not yet triaged" : $"Level {level}";

    /// <summary>The area's figures for a period.</summary>
    public sealed record Figures(
        DateOnly From,
        DateOnly To,
        IssueFigures Issues,
        int ActiveTaskGroups,
        int ActionsDone,
        int ActionsOpen,
        int OverdueActions,
        IReadOnlyList<TypeCount> Meetings,
        int? BudgetId,
        decimal QuickWinSpent,
        decimal? Allocation,
        decimal? SpentInYear,
        decimal ValueSpent,
        decimal ValueAvoided,
        decimal? ValueRatio,
        int ValueIssues,
        IReadOnlyList<PriorityFigure> Priorities)
    {
        [JsonIgnore]
        public int MeetingsHeld => Meetings.Sum(m => m.Count);

        [JsonIgnore]
        public decimal? Remaining => Allocation - SpentInYear;

        public int MeetingsOf(MeetingType type) => Meetings.SingleOrDefault(m => m.Type == type)?.Count ?? 0;
    }

    /// <summary>What a submitted report keeps: its quarter's and the previous quarter's figures as they were at <see cref="AsAt"/>.</summary>
    public sealed record Frozen(DateTime AsAt, Figures This, Figures Previous)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public string ToJson() => JsonSerializer.Serialize(this, Json);

        public static Frozen FromJson(string json) =>
            JsonSerializer.Deserialize<Frozen>(json, Json) ?? throw new InvalidOperationException("A submitted highlight report has no figures");
    }

    /// <summary>The meeting types an area holds (borough meetings belong to no area).</summary>
    public static readonly IReadOnlyList<MeetingType> AreaMeetingTypes =
        [.. Enum.GetValues<MeetingType>().Where(t => !Meeting.IsBoroughType(t))];

    public sealed class Handler(AppDbContext db, ValueForMoneyReport.Handler valueForMoney, TimeProvider clock)
    {
        /// <summary>The area's figures for the days <paramref name="from"/> to <paramref name="to"/> (whole months).</summary>
        public async Task<Figures> ForAsync(int areaId, DateOnly from, DateOnly to, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = UkTime.DateOf(now);
            var startUtc = StartOf(from);
            var endUtc = StartOf(to.AddDays(1));

            var issues = await IssuesAsync([areaId], from, to, ct);

            // Task groups: the area's groups set up before the period ended and not closed before it began (by the
            // area's index); those still open at its end were active then. Their actions are then read by group.
            var groups = await db.TaskGroups.AsNoTracking()
                .Where(g => g.AreaId == areaId && g.CreatedAt < endUtc && (g.ClosedAt == null || g.ClosedAt >= startUtc))
                .Select(g => new { g.Id, g.PriorityId, Active = g.ClosedAt == null || g.ClosedAt >= endUtc })
                .ToListAsync(ct);
            var groupIds = groups.Select(g => (int?)g.Id).ToList();
            var active = groups.Where(g => g.Active).ToList();

            // Their actions that count: done in the period, or still open and due by the end of it.
            var (done, notStarted, inProgress, blocked) = (PlanActionStatus.Done, PlanActionStatus.NotStarted, PlanActionStatus.InProgress, PlanActionStatus.Blocked);
            var actions = await db.PlanActions.AsNoTracking()
                .Where(a => groupIds.Contains(a.TaskGroupId))
                .Where(a => ((a.Status == notStarted || a.Status == inProgress || a.Status == blocked) && a.DueOn <= to)
                    || (a.Status == done && a.CompletedAt >= startUtc && a.CompletedAt < endUtc))
                .Select(a => new { TaskGroupId = a.TaskGroupId!.Value, a.Status, a.DueOn })
                .ToListAsync(ct);
            var overdueBefore = to < today ? to.AddDays(1) : today;
            var open = actions.Where(a => a.Status != done).ToList();
            var overdue = open.Where(a => a.DueOn < overdueBefore).ToList();

            // Meetings held: started in the period and before today (as the meetings list's "past" reads it), not cancelled.
            var heldBefore = endUtc < StartOf(today) ? endUtc : StartOf(today);
            var cancelled = MeetingStatus.Cancelled;
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.AreaId == areaId && m.StartsAt >= startUtc && m.StartsAt < heldBefore && m.Status != cancelled)
                .GroupBy(m => m.Type)
                .Select(g => new TypeCount(g.Key, g.Count()))
                .ToListAsync(ct);

            // Quick wins: the financial year's budget, what was spent in the period and in the year to the end of the period.
            var year = FinancialYear.Containing(from);
            var budget = await db.QuickWinBudgets.AsNoTracking()
                .Where(b => b.AreaId == areaId && b.FinancialYearStart == year.StartYear)
                .Select(b => new
                {
                    b.Id,
                    b.Allocation,
                    InPeriod = db.QuickWinSpends.Where(s => s.BudgetId == b.Id && s.SpentOn >= from && s.SpentOn <= to).Sum(s => (decimal?)s.Amount) ?? 0m,
                    ToDate = db.QuickWinSpends.Where(s => s.BudgetId == b.Id && s.SpentOn <= to).Sum(s => (decimal?)s.Amount) ?? 0m,
                })
                .SingleOrDefaultAsync(ct);

            var value = await valueForMoney.ReportAsync(new ValueForMoneyReport.Filter(from, to, [areaId]), ct);

            // The plan's priorities for the year, in the plan's order.
            var priorities = await db.Priorities.AsNoTracking()
                .Where(p => db.AreaPlans.Any(plan => plan.Id == p.AreaPlanId && plan.AreaId == areaId && plan.FinancialYearStart == year.StartYear))
                .OrderBy(p => p.DisplayOrder).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Title, Lead = p.LeadOrganisation == null ? null : p.LeadOrganisation.Name })
                .ToListAsync(ct);

            return new Figures(
                from,
                to,
                issues.GetValueOrDefault(areaId) ?? IssueFigures.From([]),
                active.Count,
                actions.Count(a => a.Status == done),
                open.Count(a => a.DueOn >= from),
                overdue.Count,
                [.. meetings.OrderBy(m => m.Type)],
                budget?.Id,
                budget?.InPeriod ?? 0m,
                budget?.Allocation,
                budget?.ToDate,
                value.Total.Spent,
                value.Total.Avoided,
                value.Total.Ratio,
                value.Total.Issues ?? 0,
                [.. priorities.Select(p =>
                {
                    var serving = active.Where(g => g.PriorityId == p.Id).Select(g => g.Id).ToHashSet();
                    return new PriorityFigure(p.Id, p.Title, p.Lead, serving.Count, overdue.Count(a => serving.Contains(a.TaskGroupId)));
                })]);
        }

        /// <summary>The issue figures of each area for a period, from the month summary in one read.</summary>
        public async Task<IReadOnlyDictionary<int, IssueFigures>> IssuesAsync(IReadOnlyList<int> areaIds, DateOnly from, DateOnly to, CancellationToken ct)
        {
            var (first, last) = (IssueMonthCount.MonthOf(from), IssueMonthCount.MonthOf(to));
            var (raised, resolved, flow) = (IssueMeasure.RaisedBySource, IssueMeasure.Resolved, IssueMeasure.Flow);
            var measures = new[] { raised, resolved, flow };
            var rows = await db.IssueMonthCounts.AsNoTracking()
                .Where(c => measures.Contains(c.Measure) && c.Month >= first && c.Month <= last && areaIds.Contains(c.AreaId))
                .GroupBy(c => new { c.AreaId, c.Measure, c.Level, Key = c.Measure == flow ? c.Key : 0 })
                .Select(g => new { g.Key.AreaId, g.Key.Measure, g.Key.Level, g.Key.Key, Total = g.Sum(c => c.Total) })
                .ToListAsync(ct);
            return areaIds.ToDictionary(id => id, id => IssueFigures.From(rows.Where(r => r.AreaId == id).Select(r => (r.Measure, r.Level, r.Key, r.Total))));
        }

        private static DateTime StartOf(DateOnly day) =>
            UkTime.ToUtc(day, TimeOnly.MinValue) ?? DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
    }
}
