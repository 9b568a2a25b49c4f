using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Budgets;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Govuk;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.Budgets;

/// <summary>
/// One budget's ledger: the header figures, the allocation history, and the entries newest first (date, then entry),
/// read by key 25 at a time. Only officers see ledgers, so the payee always shows here. A linked issue shows its
/// reference only to someone who may see the issue. Also the rows for the finance CSV, streamed in the same order.
/// </summary>
public static class ViewLedger
{
    public const int PageSize = 25;

    public sealed record Query(string? After, string? Before, bool Last);

    public sealed record Header(int Id, int AreaId, string Area, FinancialYear Year, decimal Allocation, decimal Spent)
    {
        public decimal Remaining => Allocation - Spent;
    }

    public sealed record HistoryLine(decimal? From, decimal To, string Reason, string By, DateTime At);

    public sealed record Entry(long Id, DateOnly SpentOn, LedgerEntryKind Kind, decimal Amount, string Payee, string Purpose, string? Reference,
        int? IssueId, string? IssueReference, bool IssueVisible, string RecordedBy, DateTime RecordedAt, long? AdjustsSpendId, DateOnly? AdjustsSpentOn,
        decimal? AdjustsAmount, string? Reason);

    public sealed record Page(Header Budget, IReadOnlyList<HistoryLine> History, IReadOnlyList<Entry> Entries, SeekLinks.Position Position,
        bool CanSpend, bool CanAllocate);

    public static string KindName(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Correction => "Correction",
        LedgerEntryKind.Reversal => "Reversal",
        _ => "Spend",
    };

    /// <summary>"£25.00", or "−£25.00" (a true minus sign) for money coming back.</summary>
    public static string SignedMoney(decimal amount) => amount < 0 ? "\u2212" + UkFormat.Money(-amount) : UkFormat.Money(amount);

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>The budget's header, or null (logged) when the person may not see it.</summary>
        public async Task<Header?> HeaderAsync(Viewer viewer, int id, CancellationToken ct)
        {
            var header = await viewer.VisibleBudgets(db).AsNoTracking().Where(b => b.Id == id)
                .Select(b => new { b.Id, b.AreaId, Area = b.Area.Name, b.FinancialYearStart, b.Allocation, b.Spent })
                .SingleOrDefaultAsync(ct);
            if (header is null)
            {
                logger.LogWarning("User {UserId} ({Role}) asked for quick-win budget {BudgetId}, which does not exist or they may not see", viewer.UserId, viewer.Role, id);
                return null;
            }

            return new Header(header.Id, header.AreaId, header.Area, new FinancialYear(header.FinancialYearStart), header.Allocation, header.Spent);
        }

        public async Task<Page?> HandleAsync(Viewer viewer, int id, Query query, CancellationToken ct)
        {
            if (await HeaderAsync(viewer, id, ct) is not { } header)
            {
                return null;
            }

            var history = await db.AllocationChanges.AsNoTracking().Where(c => c.BudgetId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
                .Select(c => new HistoryLine(c.From, c.To, c.Reason, db.Users.Where(u => u.Id == c.ById).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone", c.At))
                .ToListAsync(ct);

            var (entries, position) = await PageAsync(viewer, id, query, ct);
            return new Page(header, history, entries, position, viewer.CanSpendFrom(header.AreaId), viewer.CanAllocate);
        }

        /// <summary>Every entry, newest first, for the CSV (read as a stream: memory does not grow with the ledger).</summary>
        public IAsyncEnumerable<Entry> StreamAsync(Viewer viewer, int id) =>
            Project(viewer, Ordered(db.QuickWinSpends.AsNoTracking().Where(s => s.BudgetId == id), newestFirst: true)).AsAsyncEnumerable();

        private async Task<(IReadOnlyList<Entry> Rows, SeekLinks.Position Position)> PageAsync(Viewer viewer, int id, Query query, CancellationToken ct)
        {
            var entries = db.QuickWinSpends.AsNoTracking().Where(s => s.BudgetId == id);
            var anchorId = long.TryParse(query.After ?? query.Before, out var parsed) ? parsed : (long?)null;
            var anchor = query.Last || anchorId is null ? null : await entries.Where(s => s.Id == anchorId)
                .Select(s => new { s.Id, s.SpentOn }).SingleOrDefaultAsync(ct);

            var backwards = query.Last || (anchor is not null && query.After is null);
            if (anchor is not null)
            {
                var (on, entryId) = (anchor.SpentOn, anchor.Id);
                entries = backwards
                    ? entries.Where(s => s.SpentOn >= on && (s.SpentOn > on || s.Id > entryId))
                    : entries.Where(s => s.SpentOn <= on && (s.SpentOn < on || s.Id < entryId));
            }

            var rows = await Project(viewer, Ordered(entries, newestFirst: !backwards).Take(PageSize + 1)).ToListAsync(ct);
            return SeekLinks.Page(rows, PageSize, backwards, fromRow: anchor is not null, last: query.Last, r => Key(r.Id));
        }

        private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static IQueryable<QuickWinSpend> Ordered(IQueryable<QuickWinSpend> entries, bool newestFirst) => newestFirst
            ? entries.OrderByDescending(s => s.SpentOn).ThenByDescending(s => s.Id)
            : entries.OrderBy(s => s.SpentOn).ThenBy(s => s.Id);

        private IQueryable<Entry> Project(Viewer viewer, IQueryable<QuickWinSpend> entries)
        {
            var visibleIssues = viewer.VisibleIssues(db);
            return entries.Select(s => new Entry(s.Id, s.SpentOn, s.Kind, s.Amount, s.Payee, s.Purpose, s.Reference, s.IssueId,
                db.Issues.Where(i => i.Id == s.IssueId).Select(i => i.Reference).FirstOrDefault(),
                s.IssueId != null && visibleIssues.Any(i => i.Id == s.IssueId),
                db.Users.Where(u => u.Id == s.RecordedById).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone",
                s.RecordedAt, s.AdjustsSpendId,
                db.QuickWinSpends.Where(o => o.Id == s.AdjustsSpendId).Select(o => (DateOnly?)o.SpentOn).FirstOrDefault(),
                db.QuickWinSpends.Where(o => o.Id == s.AdjustsSpendId).Select(o => (decimal?)o.Amount).FirstOrDefault(),
                s.Reason));
        }
    }
}
