using System.Globalization;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Features.ValueForMoney;
using AreaPartnerships.Web.Infrastructure;
using static AreaPartnerships.Web.Features.HighlightReports.HighlightFigures;

namespace AreaPartnerships.Web.Features.HighlightReports;

/// <summary>
/// A quarter's figures beside the previous quarter's, line by line, with the change in words and numbers:
/// "▲ 3 (from 12 to 15)", "▼ 2 (from 7 to 5)", "No change (4)". The page, the CSV and a frozen report all read these lines.
/// </summary>
public static class Comparison
{
    public enum Kind
    {
        Count = 1,
        Money = 2,
        Ratio = 3,
    }

    /// <summary>One figure: this quarter's value, the previous quarter's (null when it had no such line), and where its list is.</summary>
    public sealed record Line(string Key, string Label, decimal? This, decimal? Previous, Kind Kind, string? Link = null)
    {
        public string ThisText => Format(This, Kind);

        public string PreviousText => Format(Previous, Kind);

        public string Change => ChangeText(This, Previous, Kind);

        /// <summary>Up, down or same (for a screen reader's words and for tests), or null when the two cannot be compared.</summary>
        public string? Direction => This is { } now && Previous is { } before ? now > before ? "up" : now < before ? "down" : "same" : null;
    }

    public sealed record Section(string Id, string Title, string? Note, IReadOnlyList<Line> Lines);

    /// <summary>A priority of the area plan, its status in words and its active task groups now and before.</summary>
    public sealed record PriorityLine(int Id, string Title, string? LeadOrganisation, string Status, Line ActiveTaskGroups, int OverdueActions);

    /// <summary>Where the lists behind this quarter's figures are (null: no list shows exactly that figure).</summary>
    public sealed record Links(int AreaId, DateOnly From, DateOnly To, bool IsCurrent, int? BudgetId)
    {
        public string Meetings(MeetingType? type) =>
            "/meetings" + QueryUrl(("Area", Id(AreaId)), ("Type", type?.ToString()), ("When", "past"),
                ("FromDay", Id(From.Day)), ("FromMonth", Id(From.Month)), ("FromYear", Id(From.Year)),
                ("ToDay", Id(To.Day)), ("ToMonth", Id(To.Month)), ("ToYear", Id(To.Year)));

        public string ValueForMoney(string path) => new ValueForMoneyReport.Filter(From, To, [AreaId]).Url(path);

        /// <summary>The task group list shows the groups active now: the same figure only for the quarter we are in.</summary>
        public string? ActiveTaskGroups => IsCurrent ? "/task-groups" + QueryUrl(("AreaId", Id(AreaId))) : null;

        public string? Ledger => BudgetId is { } id ? $"/budgets/{Id(id)}" : null;

        /// <summary>The case list of the area's issues raised in the quarter, at a level now (null: every level), as the figure counts them.</summary>
        public string RaisedIssues(int? level) =>
            "/issues" + QueryUrl(("AreaId", Id(AreaId)),
                ("Level", level is { } l ? (l == Domain.Issues.IssueCount.Untriaged ? Issues.ListIssues.Untriaged : Id(l)) : null),
                ("RaisedFrom", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("RaisedTo", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string QueryUrl(params (string Key, string? Value)[] pairs) =>
        Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToUriComponent();

    public static string Format(decimal? value, Kind kind) => value switch
    {
        null => kind == Kind.Ratio ? "No spend" : "None",
        { } v => kind switch
        {
            Kind.Money => UkFormat.Money(v),
            Kind.Ratio => $"{UkFormat.Money(v)} per £1",
            _ => UkFormat.Number((int)v),
        },
    };

    /// <summary>"▲ 3 (from 12 to 15)", "▼ 2 (from 7 to 5)", "No change (4)"; "New (2)" with nothing before; "Not comparable" when either is missing.</summary>
    public static string ChangeText(decimal? now, decimal? before, Kind kind)
    {
        if (now is not { } n)
        {
            return "Not comparable";
        }

        if (before is not { } b)
        {
            return kind == Kind.Ratio ? "Not comparable" : $"New ({Format(n, kind)})";
        }

        return n == b
            ? $"No change ({Format(n, kind)})"
            : $"{(n > b ? "▲" : "▼")} {Format(Math.Abs(n - b), kind == Kind.Ratio ? Kind.Money : kind)} (from {Format(b, kind)} to {Format(n, kind)})";
    }

    /// <summary>The report's sections, this quarter beside the previous one.</summary>
    public static IReadOnlyList<Section> Sections(Figures now, Figures before, Links links)
    {
        Line Count(string key, string label, int value, int previous, string? link = null) => new(key, label, value, previous, Kind.Count, value > 0 ? link : null);
        Line Money(string key, string label, decimal? value, decimal? previous, string? link = null) => new(key, label, value, previous, Kind.Money, link);

        var issues = new List<Line>();
        foreach (var level in Levels)
        {
            issues.Add(Count($"raised-{level}", $"Raised: {LevelName(level)}", Of(now.Issues.Raised, level), Of(before.Issues.Raised, level), links.RaisedIssues(level)));
        }

        issues.Add(Count("raised", "Raised: all levels", now.Issues.RaisedTotal, before.Issues.RaisedTotal, links.RaisedIssues(null)));
        foreach (var level in Levels)
        {
            issues.Add(Count($"resolved-{level}", $"Resolved: {LevelName(level)}", Of(now.Issues.Resolved, level), Of(before.Issues.Resolved, level)));
        }

        issues.Add(Count("resolved", "Resolved: all levels", now.Issues.ResolvedTotal, before.Issues.ResolvedTotal));

        var flows = new List<Line>
        {
            Count("step-ups", "Step-ups", now.Issues.StepUps, before.Issues.StepUps),
            Count("step-downs", "Step-downs", now.Issues.StepDowns, before.Issues.StepDowns),
        };
        foreach (var (from, to) in now.Issues.Flows.Concat(before.Issues.Flows).Select(f => (f.From, f.To)).Distinct().Order())
        {
            flows.Add(Count($"flow-{from}-{to}", $"{LevelName(from)} to {LevelName(to)}",
                now.Issues.Flows.SingleOrDefault(f => f.From == from && f.To == to)?.Count ?? 0,
                before.Issues.Flows.SingleOrDefault(f => f.From == from && f.To == to)?.Count ?? 0));
        }

        var groups = new List<Line>
        {
            Count("active-task-groups", "Active task groups at the end of the quarter", now.ActiveTaskGroups, before.ActiveTaskGroups, links.ActiveTaskGroups),
            Count("actions-done", "Actions done in the quarter", now.ActionsDone, before.ActionsDone),
            Count("actions-open", "Actions due in the quarter and still open", now.ActionsOpen, before.ActionsOpen),
            Count("overdue-actions", "Overdue actions", now.OverdueActions, before.OverdueActions),
        };

        var meetings = AreaMeetingTypes
            .Where(t => now.MeetingsOf(t) > 0 || before.MeetingsOf(t) > 0)
            .Select(t => Count($"meetings-{t}", $"{Meeting.TypeName(t)} meetings", now.MeetingsOf(t), before.MeetingsOf(t), links.Meetings(t)))
            .Append(Count("meetings", "All meetings held", now.MeetingsHeld, before.MeetingsHeld, links.Meetings(null)))
            .ToList();

        var money = new List<Line>
        {
            Money("quick-win-spent", "Quick-win spend in the quarter", now.QuickWinSpent, before.QuickWinSpent, links.Ledger),
            Money("quick-win-allocation", "Quick-win allocation for the financial year", now.Allocation, before.Allocation),
            Money("quick-win-remaining", "Quick-win budget remaining at the end of the quarter", now.Remaining, before.Remaining),
            Money("value-spent", "Spent on early action (quick wins and other costs)", now.ValueSpent, before.ValueSpent, links.ValueForMoney("/value-for-money")),
            Money("value-avoided", "Estimated cost avoided", now.ValueAvoided, before.ValueAvoided, links.ValueForMoney("/value-for-money")),
            new("value-ratio", "Avoided for every £1 spent", now.ValueRatio, before.ValueRatio, Kind.Ratio),
            Count("value-issues", "Issues with spend or estimates", now.ValueIssues, before.ValueIssues, links.ValueForMoney("/value-for-money/issues")),
        };

        return
        [
            new("issues", "Issues raised and resolved", "By level now (raised) and at resolution (resolved). Not yet triaged issues have no level.", issues),
            new("flows", "Step-ups and step-downs", "Moves between levels made in the quarter.", flows),
            new("task-groups", "Task groups", "Active at the end of the quarter; actions are those of the area's task groups.", groups),
            new("meetings", "Meetings held", "Area meetings that took place in the quarter (cancelled meetings are not counted).", meetings),
            new("money", "Quick wins and value for money", "The quick-win allocation and remaining are for the quarter's financial year.", money),
        ];
    }

    /// <summary>The area plan's priorities for this quarter's financial year, each beside its active task groups the quarter before.</summary>
    public static IReadOnlyList<PriorityLine> Priorities(Figures now, Figures before) =>
        [.. now.Priorities.Select(p => new PriorityLine(p.Id, p.Title, p.LeadOrganisation, p.Status,
            new Line($"priority-{Id(p.Id)}", p.Title, p.ActiveTaskGroups, before.Priorities.SingleOrDefault(b => b.Id == p.Id)?.ActiveTaskGroups, Kind.Count),
            p.OverdueActions))];

    private static int Of(IReadOnlyList<LevelCount> counts, int level) => counts.SingleOrDefault(c => c.Level == level)?.Count ?? 0;
}
