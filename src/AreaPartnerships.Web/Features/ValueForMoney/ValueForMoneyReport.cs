using System.Globalization;
using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.CostAvoidance;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.Web.Features.Costs;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.ValueForMoney;

/// <summary>
/// The value-for-money report: for a period and the areas chosen, what was spent (quick-win spends dated in the period,
/// net of corrections and reversals, as the council's; other costs incurred in the period and not withdrawn, as the
/// agency that bore them), the cost avoided (the lines of estimates made in the period, on issues in the areas, with
/// medium or high confidence; low-confidence estimates are counted apart and never added to the headline), and the
/// ratio, broken down by level, theme and benefiting agency.
/// <para>
/// Everything is aggregated in the database, driven by the period indexes (QuickWinSpends by budget and date, IssueCosts
/// by IncurredOn, CostEstimates by EstimatedOn, EstimateLines by IssueId): three grouped sums give every amount (the
/// groups are level × theme × agency, a bounded handful), and five distinct counts over the same rows give the issues.
/// A quick-win spend belongs to its budget's area; other costs and estimates to their issue's area. Officers see every
/// issue in their areas, so the figures and the issues behind them (read through <c>VisibleIssues</c>) agree.
/// </para>
/// </summary>
public static class ValueForMoneyReport
{
    public const string Untriaged = "untriaged";

    public const string LowConfidence = "low";

    /// <summary>The period and areas as asked for: ISO dates (links) or GOV.UK date fields (the form), and areas by id.</summary>
    public sealed class Query : PeriodQuery
    {
        public List<int> AreaId { get; set; } = [];
    }

    /// <summary>Which issues behind a figure: by level (1-4 or <see cref="Untriaged"/>), theme, agency, or the low-confidence estimates.</summary>
    public sealed record Slice(IssueLevel? Level, bool UntriagedOnly, IssueTheme? Theme, OrganisationKind? Agency, bool Low)
    {
        public static readonly Slice All = new(null, false, null, null, false);

        public static Slice? Parse(string? level, string? theme, string? agency, string? confidence)
        {
            IssueLevel? lvl = null;
            var untriaged = false;
            if (!string.IsNullOrEmpty(level))
            {
                if (string.Equals(level, Untriaged, StringComparison.OrdinalIgnoreCase))
                {
                    untriaged = true;
                }
                else if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((IssueLevel)n))
                {
                    lvl = (IssueLevel)n;
                }
                else
                {
                    return null;
                }
            }

            IssueTheme? th = null;
            if (!string.IsNullOrEmpty(theme))
            {
                if (!Enum.TryParse<IssueTheme>(theme, ignoreCase: true, out var t) || !Enum.IsDefined(t) || char.IsAsciiDigit(theme[0]))
                {
                    return null;
                }

                th = t;
            }

            OrganisationKind? ag = null;
            if (!string.IsNullOrEmpty(agency))
            {
                if (!Enum.TryParse<OrganisationKind>(agency, ignoreCase: true, out var a) || !Enum.IsDefined(a) || char.IsAsciiDigit(agency[0]))
                {
                    return null;
                }

                ag = a;
            }

            if (!string.IsNullOrEmpty(confidence) && !string.Equals(confidence, LowConfidence, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return new Slice(lvl, untriaged, th, ag, !string.IsNullOrEmpty(confidence));
        }

        /// <summary>What the list is of, in words: "Level 2", "Housing", "Police", "Low-confidence estimates".</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (Level is { } level)
            {
                parts.Add(Issue.LevelName(level));
            }

            if (UntriagedOnly)
            {
                parts.Add("Not yet triaged");
            }

            if (Theme is { } theme)
            {
                parts.Add(Category.ThemeName(theme));
            }

            if (Agency is { } agency)
            {
                parts.Add(OrganisationKinds.DisplayName(agency));
            }

            if (Low)
            {
                parts.Add("Low-confidence estimates");
            }

            return string.Join(", ", parts);
        }
    }

    /// <summary>A period and the areas in it (null: every area).</summary>
    public sealed record Filter(DateOnly From, DateOnly To, IReadOnlyList<int>? AreaIds)
    {
        /// <summary>The query string for links to the same period and areas (ISO dates).</summary>
        public IEnumerable<(string Key, string? Value)> Params()
        {
            yield return ("from", Iso(From));
            yield return ("to", Iso(To));
            foreach (var id in AreaIds ?? [])
            {
                yield return ("areaId", id.ToString(CultureInfo.InvariantCulture));
            }
        }

        public string Url(string path, params (string Key, string? Value)[] more) =>
            path + Microsoft.AspNetCore.Http.QueryString.Create(Params().Concat(more).Where(p => !string.IsNullOrEmpty(p.Value))
                .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToUriComponent();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>One row of a breakdown: its label, the link parameter that lists its issues (null: none to list), and its figures.</summary>
    public sealed record Figure(string Label, (string Key, string Value)? Link, decimal Spent, decimal Avoided, int? Issues)
    {
        public decimal? Ratio => RatioOf(Avoided, Spent);
    }

    /// <summary>Avoided for every £1 spent, to the penny; null when nothing (or less than nothing, after reversals) was spent.</summary>
    public static decimal? RatioOf(decimal avoided, decimal spent) =>
        spent <= 0 ? null : Math.Round(avoided / spent, 2, MidpointRounding.AwayFromZero);

    /// <summary>"£12.40 avoided for every £1 spent", or "No spend in this period".</summary>
    public static string RatioText(decimal? ratio) => ratio is { } r ? $"{UkFormat.Money(r)} avoided for every £1 spent" : "No spend in this period";

    public sealed record AreaChoice(int Id, string Name, bool Selected);

    public sealed record Share(string Label, decimal Avoided, decimal? Percent);

    /// <summary>The report's headline (<see cref="Handler.HeadlineAsync"/>): spent, avoided, low-confidence avoided, and the shares.</summary>
    public sealed record Headline(decimal Spent, decimal Avoided, decimal LowConfidenceAvoided, IReadOnlyList<Share> Shares)
    {
        public decimal? Ratio => RatioOf(Avoided, Spent);
    }

    public sealed record Report(Filter Filter, Figure Total, Figure LowConfidence, IReadOnlyList<Figure> ByLevel, IReadOnlyList<Figure> ByTheme,
        IReadOnlyList<Figure> ByAgency, IReadOnlyList<Share> Shares)
    {
        public bool IsEmpty => Total.Spent == 0 && Total.Avoided == 0 && LowConfidence.Avoided == 0 && (Total.Issues ?? 0) == 0;
    }

    /// <summary>The page: the form (period, areas) and, when the period is good, the report.</summary>
    public sealed record Page(Query Asked, string FromDay, string FromMonth, string FromYear, string ToDay, string ToMonth, string ToYear,
        IReadOnlyList<AreaChoice> Areas, FinancialYear ThisYear, Report? Report);

    public static PeriodQuery.Dates ReadPeriod(Query q, FinancialYear thisYear) => q.Read(thisYear.Starts, thisYear.Ends);

    /// <summary>An issue behind a figure, with its spent and avoided for the period (and the slice's agency).</summary>
    public sealed record IssueRow(int Id, string Reference, string Title, string Area, IssueLevel? Level, IssueTheme Theme, decimal Spent, decimal Avoided,
        EstimateConfidence? Confidence);

    public sealed record IssuesPage(Filter Filter, Slice Slice, string Order, IReadOnlyList<IssueRow> Rows, Infrastructure.Govuk.SeekLinks.Position Position);

    /// <summary>One issue's part in a figure: the keys a row is counted under.</summary>
    private sealed class Key
    {
        public int IssueId { get; init; }

        public IssueLevel? Level { get; init; }

        public IssueTheme Theme { get; init; }

        public OrganisationKind Agency { get; init; }

        public bool Low { get; init; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public const int PageSize = 25;

        public FinancialYear ThisYear => FinancialYear.Containing(UkFormat.UkToday(clock));

        /// <summary>The areas this person may choose, with those asked for ticked (none asked: none ticked, meaning all).</summary>
        public async Task<(IReadOnlyList<AreaChoice> Choices, Filter? Filter)> AreasAsync(Viewer viewer, Query q, PeriodQuery.Dates period, CancellationToken ct)
        {
            var allowed = viewer.ValueForMoneyAreas;
            var areas = db.Areas.AsNoTracking();
            if (allowed is not null)
            {
                areas = areas.Where(a => allowed.Contains(a.Id));
            }

            var list = await areas.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            var asked = q.AreaId.Where(id => list.Any(a => a.Id == id)).Distinct().Order().ToList();
            var forged = q.AreaId.Except(list.Select(a => a.Id)).ToList();
            if (forged.Count > 0)
            {
                logger.LogWarning("User {UserId} ({Role}) asked for the value for money of areas {AreaIds}, which they may not see", viewer.UserId, viewer.Role, forged);
            }

            var choices = list.Select(a => new AreaChoice(a.Id, a.Name, asked.Contains(a.Id))).ToList();
            if (period.Errors.Count > 0 || period.From is not { } from || period.To is not { } to)
            {
                return (choices, null);
            }

            IReadOnlyList<int>? areaIds = asked.Count > 0 ? asked : allowed is null ? null : list.Select(a => a.Id).ToList();
            return (choices, new Filter(from, to, areaIds));
        }

        public async Task<Report> ReportAsync(Filter filter, CancellationToken ct)
        {
            var budgetIds = await BudgetIdsAsync(filter, ct);
            var spends = Spends(filter, budgetIds);
            var issues = IssuesIn(filter);
            var costs = Costs(filter, issues);
            var lines = Lines(filter, issues);

            // Three reads, each grouped by issue in the database (the period's rows by their date indexes, each issue by its
            // key); the breakdowns and the distinct-issue counts are then added up from those rows here, rather than the
            // database reading the same rows again for each count.
            var spendRows = await (
                from s in spends
                from i in db.Issues.Where(i => i.Id == s.IssueId).DefaultIfEmpty()
                group s.Amount by new { s.IssueId, Level = i == null ? null : i.Level, Theme = i == null ? (IssueTheme?)null : i.Category.Theme } into g
                select new { g.Key.IssueId, g.Key.Level, g.Key.Theme, Amount = g.Sum() }).ToListAsync(ct);
            var otherCosts = await (
                from c in costs
                from i in db.Issues.Where(i => i.Id == c.IssueId).DefaultIfEmpty()
                group c.Amount by new { c.IssueId, i.Level, i.Category.Theme, c.BorneBy } into g
                select new { g.Key.IssueId, g.Key.Level, g.Key.Theme, Agency = g.Key.BorneBy, Amount = g.Sum() }).ToListAsync(ct);
            var avoided = await lines
                .GroupBy(l => new { l.IssueId, l.Level, l.Theme, l.Agency, l.Low })
                .Select(g => new { g.Key.IssueId, g.Key.Level, g.Key.Theme, g.Key.Agency, g.Key.Low, Amount = g.Sum(l => l.Amount) })
                .ToListAsync(ct);
            var quickWins = spendRows.Select(s => new { Linked = s.IssueId != null, s.Level, s.Theme, s.Amount }).ToList();

            var council = IssueValue.QuickWinsBorneBy;
            var keys = spendRows.Where(s => s.IssueId != null).Select(s => new Key { IssueId = s.IssueId!.Value, Level = s.Level, Theme = s.Theme ?? default, Agency = council, Low = false })
                .Concat(otherCosts.Select(c => new Key { IssueId = c.IssueId, Level = c.Level, Theme = c.Theme, Agency = c.Agency, Low = false }))
                .Concat(avoided.Select(a => new Key { IssueId = a.IssueId, Level = a.Level, Theme = a.Theme, Agency = a.Agency, Low = a.Low }))
                .ToList();
            var counted = keys.Where(k => !k.Low).ToList();
            var totalIssues = counted.Select(k => k.IssueId).Distinct().Count();
            var lowIssues = keys.Where(k => k.Low).Select(k => k.IssueId).Distinct().Count();
            var levelIssues = counted.GroupBy(k => k.Level).Select(g => new { g.Key, Count = g.Select(k => k.IssueId).Distinct().Count() }).ToList();
            var themeIssues = counted.GroupBy(k => k.Theme).Select(g => new { g.Key, Count = g.Select(k => k.IssueId).Distinct().Count() }).ToList();
            var agencyIssues = counted.GroupBy(k => k.Agency).Select(g => new { g.Key, Count = g.Select(k => k.IssueId).Distinct().Count() }).ToList();

            var good = avoided.Where(a => !a.Low).ToList();
            var unlinked = quickWins.Where(q => !q.Linked).Sum(q => q.Amount);
            var totalSpent = quickWins.Sum(q => q.Amount) + otherCosts.Sum(c => c.Amount);
            var totalAvoided = good.Sum(a => a.Amount);
            var total = new Figure("All issues", null, totalSpent, totalAvoided, totalIssues);
            var low = new Figure("Low-confidence estimates", ("confidence", LowConfidence), 0, avoided.Where(a => a.Low).Sum(a => a.Amount), lowIssues);
            Figure? NoIssue() => unlinked == 0 ? null : new Figure("No linked issue", null, unlinked, 0, null);

            var byLevel = new List<Figure>();
            foreach (var level in Enum.GetValues<IssueLevel>().Select(l => (IssueLevel?)l).Append(null))
            {
                byLevel.Add(new Figure(level is { } l ? Issue.LevelName(l) : "Not yet triaged",
                    ("level", level is { } lv ? ((int)lv).ToString(CultureInfo.InvariantCulture) : Untriaged),
                    quickWins.Where(q => q.Linked && q.Level == level).Sum(q => q.Amount) + otherCosts.Where(c => c.Level == level).Sum(c => c.Amount),
                    good.Where(a => a.Level == level).Sum(a => a.Amount),
                    levelIssues.SingleOrDefault(c => c.Key == level)?.Count ?? 0));
            }

            var byTheme = new List<Figure>();
            foreach (var theme in Enum.GetValues<IssueTheme>())
            {
                byTheme.Add(new Figure(Category.ThemeName(theme), ("theme", theme.ToString()),
                    quickWins.Where(q => q.Linked && q.Theme == theme).Sum(q => q.Amount) + otherCosts.Where(c => c.Theme == theme).Sum(c => c.Amount),
                    good.Where(a => a.Theme == theme).Sum(a => a.Amount),
                    themeIssues.SingleOrDefault(c => c.Key == theme)?.Count ?? 0));
            }

            if (NoIssue() is { } none)
            {
                byLevel.Add(none);
                byTheme.Add(none);
            }

            var byAgency = Enum.GetValues<OrganisationKind>()
                .Select(kind => new Figure(OrganisationKinds.DisplayName(kind), ("agency", kind.ToString()),
                    (kind == IssueValue.QuickWinsBorneBy ? quickWins.Sum(q => q.Amount) : 0) + otherCosts.Where(c => c.Agency == kind).Sum(c => c.Amount),
                    good.Where(a => a.Agency == kind).Sum(a => a.Amount),
                    agencyIssues.SingleOrDefault(c => c.Key == kind)?.Count ?? 0))
                .Where(f => f.Spent != 0 || f.Avoided != 0 || f.Issues > 0)
                .OrderByDescending(f => f.Link!.Value.Value == IssueValue.QuickWinsBorneBy.ToString())
                .ThenBy(f => f.Label, StringComparer.Ordinal)
                .ToList();

            var shares = Shares(totalAvoided, good.Where(a => OrganisationKinds.IsCouncil(a.Agency)).Sum(a => a.Amount));
            return new Report(filter, total, low, byLevel, byTheme, byAgency, shares);
        }

        /// <summary>
        /// The headline (spent, avoided, low-confidence avoided, the shares) over whole UK months, read from the
        /// <see cref="ValueMonthTotal"/> summary kept with every spend, cost and estimate: a few hundred rows, whatever
        /// the number of issues (the dashboard's money panel). The period must start on the first of a month and end
        /// on the last; it then equals <see cref="ReportAsync"/>'s totals (a test holds them equal).
        /// </summary>
        public async Task<Headline> HeadlineAsync(Filter filter, CancellationToken ct)
        {
            if (filter.From.Day != 1 || filter.To.AddDays(1).Day != 1)
            {
                throw new ArgumentException("The headline is counted in whole months: from the first of a month to the last day of a month.", nameof(filter));
            }

            var (first, last) = (IssueMonthCount.MonthOf(filter.From), IssueMonthCount.MonthOf(filter.To));
            var rows = db.ValueMonthTotals.AsNoTracking().Where(t => t.Month >= first && t.Month <= last);
            var areaIds = filter.AreaIds;
            rows = areaIds is null ? rows.Where(t => t.AreaId == ValueMonthTotal.Borough) : rows.Where(t => areaIds.Contains(t.AreaId));

            var sums = await rows.GroupBy(t => new { t.Measure, t.BorneBy })
                .Select(g => new { g.Key.Measure, g.Key.BorneBy, Total = g.Sum(t => t.Total) })
                .ToListAsync(ct);
            decimal Pounds(ValueMeasure measure, Func<OrganisationKind, bool> agency) =>
                sums.Where(s => s.Measure == measure && agency(s.BorneBy)).Sum(s => s.Total) / 100m;
            var avoided = Pounds(ValueMeasure.Avoided, _ => true);
            return new Headline(Pounds(ValueMeasure.Spent, _ => true), avoided, Pounds(ValueMeasure.AvoidedLowConfidence, _ => true),
                Shares(avoided, Pounds(ValueMeasure.Avoided, OrganisationKinds.IsCouncil)));
        }

        /// <summary>The council's and the partners' parts of what was avoided, each with its percentage to one place.</summary>
        private static List<Share> Shares(decimal totalAvoided, decimal council)
        {
            decimal? Percent(decimal part) => totalAvoided == 0 ? null : Math.Round(part * 100 / totalAvoided, 1, MidpointRounding.AwayFromZero);
            var partners = totalAvoided - council;
            return [new("Council", council, Percent(council)), new("Partners", partners, Percent(partners))];
        }

        /// <summary>A page of the issues behind a figure, ordered by issue (oldest first) or by avoided (most first), read by key.</summary>
        public async Task<IssuesPage> IssuesAsync(Viewer viewer, Filter filter, Slice slice, string? order, string? after, string? before, bool last, CancellationToken ct)
        {
            var byAvoided = string.Equals(order, "avoided", StringComparison.OrdinalIgnoreCase);
            var budgetIds = await BudgetIdsAsync(filter, ct);
            var candidates = Candidates(viewer, filter, slice, budgetIds);
            var anchorId = int.TryParse(after ?? before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
            var backwards = last || (anchorId is not null && after is null);
            List<int> ids;
            var fromRow = false;
            if (byAvoided)
            {
                // The issue's avoided in the slice, as a number the database can order by (SQLite cannot order decimals).
                var (from, to, agency, low, wantLow) = (filter.From, filter.To, slice.Agency, EstimateConfidence.Low, slice.Low);
                var ranked = candidates.Select(issueId => new
                {
                    Id = issueId,
                    Avoided = db.EstimateLines.Where(l => l.IssueId == issueId && l.RemovedAt == null && (agency == null || l.BorneBy == agency)
                            && db.CostEstimates.Any(e => e.IssueId == issueId && e.EstimatedOn >= from && e.EstimatedOn <= to && (wantLow ? e.Confidence == low : e.Confidence != low)))
                        .Sum(l => (double?)(double)l.Amount) ?? 0,
                });
                var anchor = last || anchorId is null ? null : await ranked.Where(r => r.Id == anchorId).FirstOrDefaultAsync(ct);
                fromRow = anchor is not null;
                backwards = last || (anchor is not null && after is null);
                if (anchor is not null)
                {
                    var (a, id) = (anchor.Avoided, anchor.Id);
                    ranked = backwards
                        ? ranked.Where(r => r.Avoided > a || (r.Avoided == a && r.Id < id))
                        : ranked.Where(r => r.Avoided < a || (r.Avoided == a && r.Id > id));
                }

                ranked = backwards ? ranked.OrderBy(r => r.Avoided).ThenByDescending(r => r.Id) : ranked.OrderByDescending(r => r.Avoided).ThenBy(r => r.Id);
                ids = await ranked.Select(r => r.Id).Take(PageSize + 1).ToListAsync(ct);
            }
            else
            {
                var rows = candidates;
                if (!last && anchorId is { } id)
                {
                    fromRow = true;
                    rows = backwards ? rows.Where(r => r < id) : rows.Where(r => r > id);
                }

                rows = backwards ? rows.OrderByDescending(r => r) : rows.OrderBy(r => r);
                ids = await rows.Take(PageSize + 1).ToListAsync(ct);
            }

            var (page, position) = Infrastructure.Govuk.SeekLinks.Page(ids, PageSize, backwards, fromRow, last, i => i.ToString(CultureInfo.InvariantCulture));
            return new IssuesPage(filter, slice, byAvoided ? "avoided" : "issue", await RowsAsync(filter, slice, budgetIds, page, ct), position);
        }

        /// <summary>Every issue behind a figure, by issue, read a page at a time (memory does not grow with the list).</summary>
        public async IAsyncEnumerable<IssueRow> StreamAsync(Viewer viewer, Filter filter, Slice slice, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var budgetIds = await BudgetIdsAsync(filter, ct);
            var candidates = Candidates(viewer, filter, slice, budgetIds);
            var after = 0;
            while (true)
            {
                var from = after;
                var ids = await candidates.Where(i => i > from).OrderBy(i => i).Take(500).ToListAsync(ct);
                foreach (var row in await RowsAsync(filter, slice, budgetIds, ids, ct))
                {
                    yield return row;
                }

                if (ids.Count < 500)
                {
                    yield break;
                }

                after = ids[^1];
            }
        }

        private async Task<IReadOnlyList<IssueRow>> RowsAsync(Filter filter, Slice slice, List<int> budgetIds, List<int> ids, CancellationToken ct)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var issues = await db.Issues.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Reference, i.Title, Area = i.Area.Name, i.Level, i.Category.Theme }).ToListAsync(ct);
            var quickWins = slice.Agency is null or IssueValue.QuickWinsBorneBy
                ? await Spends(filter, budgetIds).Where(s => s.IssueId != null && ids.Contains(s.IssueId.Value))
                    .GroupBy(s => s.IssueId!.Value).Select(g => new { IssueId = g.Key, Amount = g.Sum(s => s.Amount) }).ToListAsync(ct)
                : [];
            var agency = slice.Agency;
            var costs = await db.IssueCosts.AsNoTracking()
                .Where(c => ids.Contains(c.IssueId) && c.WithdrawnAt == null && c.IncurredOn >= filter.From && c.IncurredOn <= filter.To && (agency == null || c.BorneBy == agency))
                .GroupBy(c => c.IssueId).Select(g => new { IssueId = g.Key, Amount = g.Sum(c => c.Amount) }).ToListAsync(ct);
            var low = EstimateConfidence.Low;
            var estimates = await db.CostEstimates.AsNoTracking()
                .Where(e => ids.Contains(e.IssueId) && e.EstimatedOn >= filter.From && e.EstimatedOn <= filter.To)
                .Select(e => new { e.IssueId, e.Confidence }).ToListAsync(ct);
            var avoided = await (
                from e in db.CostEstimates
                where ids.Contains(e.IssueId) && e.EstimatedOn >= filter.From && e.EstimatedOn <= filter.To && (slice.Low ? e.Confidence == low : e.Confidence != low)
                join l in db.EstimateLines on e.IssueId equals l.IssueId
                where l.RemovedAt == null && (agency == null || l.BorneBy == agency)
                group l.Amount by l.IssueId into g
                select new { IssueId = g.Key, Amount = g.Sum() }).ToListAsync(ct);

            return [.. ids.Select(id => issues.Single(i => i.Id == id)).Select(i => new IssueRow(i.Id, i.Reference, i.Title, i.Area, i.Level, i.Theme,
                (quickWins.SingleOrDefault(q => q.IssueId == i.Id)?.Amount ?? 0) + (costs.SingleOrDefault(c => c.IssueId == i.Id)?.Amount ?? 0),
                avoided.SingleOrDefault(a => a.IssueId == i.Id)?.Amount ?? 0,
                estimates.SingleOrDefault(e => e.IssueId == i.Id)?.Confidence))];
        }

        /// <summary>The ids of the issues behind a slice that this person may see: every issue with a key in the slice, through <c>VisibleIssues</c>.</summary>
        private IQueryable<int> Candidates(Viewer viewer, Filter filter, Slice slice, List<int> budgetIds)
        {
            var issues = IssuesIn(filter);
            var keys = Keys(Spends(filter, budgetIds), Costs(filter, issues), Lines(filter, issues), issues).Where(k => k.Low == slice.Low);
            if (slice.Level is { } level)
            {
                keys = keys.Where(k => k.Level == level);
            }

            if (slice.UntriagedOnly)
            {
                keys = keys.Where(k => k.Level == null);
            }

            if (slice.Theme is { } theme)
            {
                keys = keys.Where(k => k.Theme == theme);
            }

            if (slice.Agency is { } agency)
            {
                keys = keys.Where(k => k.Agency == agency);
            }

            // Driven from the period's rows: each issue is checked against VisibleIssues by its key.
            var visible = viewer.VisibleIssues(db);
            return keys.Select(k => k.IssueId).Where(id => visible.Any(i => i.Id == id)).Distinct();
        }

        private async Task<List<int>> BudgetIdsAsync(Filter filter, CancellationToken ct)
        {
            // A spend's date falls in its budget's financial year: only the budgets of the years the period touches.
            var first = FinancialYear.Containing(filter.From).StartYear;
            var lastYear = FinancialYear.Containing(filter.To).StartYear;
            var areaIds = filter.AreaIds;
            var budgets = db.QuickWinBudgets.AsNoTracking().Where(b => b.FinancialYearStart >= first && b.FinancialYearStart <= lastYear);
            if (areaIds is not null)
            {
                budgets = budgets.Where(b => areaIds.Contains(b.AreaId));
            }

            return await budgets.Select(b => b.Id).ToListAsync(ct);
        }

        private IQueryable<Domain.Budgets.QuickWinSpend> Spends(Filter filter, List<int> budgetIds) =>
            db.QuickWinSpends.AsNoTracking().Where(s => budgetIds.Contains(s.BudgetId) && s.SpentOn >= filter.From && s.SpentOn <= filter.To);

        private IQueryable<Issue> IssuesIn(Filter filter)
        {
            var areaIds = filter.AreaIds;
            return areaIds is null ? db.Issues.AsNoTracking() : db.Issues.AsNoTracking().Where(i => areaIds.Contains(i.AreaId));
        }

        // The area is tested per row (EXISTS on the issue's key) and the issue is read by a left join (which SQLite never
        // reorders), so the database reads the period's rows by the date indexes (IssueCosts by IncurredOn, CostEstimates by
        // EstimatedOn) rather than starting from every issue the areas (or a category) ever had.
        // With no area filter every cost's issue counts (the foreign key guarantees it), so the per-row test is left out.
        private IQueryable<IssueCost> Costs(Filter filter, IQueryable<Issue> issues)
        {
            var costs = db.IssueCosts.AsNoTracking().Where(c => c.IncurredOn >= filter.From && c.IncurredOn <= filter.To && c.WithdrawnAt == null);
            return filter.AreaIds is null ? costs : costs.Where(c => issues.Any(i => i.Id == c.IssueId));
        }

        private sealed class LineRow
        {
            public int IssueId { get; init; }

            public IssueLevel? Level { get; init; }

            public IssueTheme Theme { get; init; }

            public OrganisationKind Agency { get; init; }

            public bool Low { get; init; }

            public decimal Amount { get; init; }
        }

        private IQueryable<LineRow> Lines(Filter filter, IQueryable<Issue> issues)
        {
            var low = EstimateConfidence.Low;
            var estimates = db.CostEstimates.AsNoTracking().Where(e => e.EstimatedOn >= filter.From && e.EstimatedOn <= filter.To);
            if (filter.AreaIds is not null)
            {
                estimates = estimates.Where(e => issues.Any(x => x.Id == e.IssueId));
            }

            return from e in estimates
                   from i in db.Issues.Where(i => i.Id == e.IssueId).DefaultIfEmpty()
                   join l in db.EstimateLines.AsNoTracking() on e.IssueId equals l.IssueId
                   where l.RemovedAt == null
                   select new LineRow { IssueId = e.IssueId, Level = i.Level, Theme = i.Category.Theme, Agency = l.BorneBy, Low = e.Confidence == low, Amount = l.Amount };
        }

        private IQueryable<Key> Keys(IQueryable<Domain.Budgets.QuickWinSpend> spends, IQueryable<IssueCost> costs, IQueryable<LineRow> lines, IQueryable<Issue> issues)
        {
            var council = IssueValue.QuickWinsBorneBy;
            var fromSpends = from s in spends
                             where s.IssueId != null
                             from i in db.Issues.Where(i => i.Id == s.IssueId).DefaultIfEmpty()
                             select new Key { IssueId = s.IssueId!.Value, Level = i.Level, Theme = i.Category.Theme, Agency = council, Low = false };
            var fromCosts = from c in costs
                            from i in db.Issues.Where(i => i.Id == c.IssueId).DefaultIfEmpty()
                            select new Key { IssueId = c.IssueId, Level = i.Level, Theme = i.Category.Theme, Agency = c.BorneBy, Low = false };
            var fromLines = lines.Select(l => new Key { IssueId = l.IssueId, Level = l.Level, Theme = l.Theme, Agency = l.Agency, Low = l.Low });
            return fromSpends.Concat(fromCosts).Concat(fromLines);
        }
    }
}
