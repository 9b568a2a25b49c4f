using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// The columns of an issue that the dashboard summaries are derived from. Area, ward, category, source and the
/// time raised never change; the rest do. Read from a tracked entry (before and after a save) or from a query (a rebuild).
/// </summary>
public sealed record IssueFacts(
    int AreaId,
    int CategoryId,
    IssueSource Source,
    DateTime RaisedAt,
    IssueStatus Status,
    IssueLevel? Level,
    int? OwnerId,
    DateOnly? TargetDate,
    DateOnly? FollowUpOn,
    DateTime? ReferralConfirmedAt,
    DateTime? ResolvedAt)
{
    public bool IsOpen => Status is IssueStatus.New or IssueStatus.Triaged or IssueStatus.InProgress;

    public int LevelOrUntriaged => Level is { } level ? (int)level : IssueCount.Untriaged;

    public static IssueFacts From(PropertyValues values) => new(
        values.GetValue<int>(nameof(Issue.AreaId)),
        values.GetValue<int>(nameof(Issue.CategoryId)),
        values.GetValue<IssueSource>(nameof(Issue.Source)),
        values.GetValue<DateTime>(nameof(Issue.RaisedAt)),
        values.GetValue<IssueStatus>(nameof(Issue.Status)),
        values.GetValue<IssueLevel?>(nameof(Issue.Level)),
        values.GetValue<int?>(nameof(Issue.OwnerId)),
        values.GetValue<DateOnly?>(nameof(Issue.TargetDate)),
        values.GetValue<DateOnly?>(nameof(Issue.FollowUpOn)),
        values.GetValue<DateTime?>(nameof(Issue.ReferralConfirmedAt)),
        values.GetValue<DateTime?>(nameof(Issue.ResolvedAt)));

    /// <summary>The same columns read from the table, for a rebuild or a test's straight count.</summary>
    public static IQueryable<IssueFacts> Query(AppDbContext db) => db.Issues.AsNoTracking().Select(i => new IssueFacts(
        i.AreaId, i.CategoryId, i.Source, i.RaisedAt, i.Status, i.Level, i.OwnerId, i.TargetDate, i.FollowUpOn, i.ReferralConfirmedAt, i.ResolvedAt));
}

/// <summary>What a month's history of issues is counted by (<see cref="IssueMonthCount.Measure"/>).</summary>
public enum IssueMeasure
{
    /// <summary>Issues raised in the month, by level now and <see cref="IssueSource"/> (the key).</summary>
    RaisedBySource = 1,

    /// <summary>Issues raised in the month, by category id (the key; its theme is the category's). Not by level (kept as <see cref="IssueCount.Untriaged"/>): five times fewer rows.</summary>
    RaisedByCategory = 2,

    /// <summary>
    /// Issues resolved in the month (a reopened issue no longer counts), by level and the whole UK days from raised to
    /// resolved (the key), to the day up to a month, then in weeks (<see cref="IssueMonthCount.DaysBand"/>).
    /// </summary>
    Resolved = 3,

    /// <summary>Level changes made in the month by a step up or down: from the level (Level) to the level (the key).</summary>
    Flow = 4,
}

/// <summary>
/// The dashboard's history of issues, month by month (UK calendar months, as yyyymm) and area: raised by source
/// and by category, resolved with the days each took, and flows between levels. Kept by <see cref="AppDbContext"/>
/// in the same transaction as the saves that change them (<see cref="IssueSummaries"/>), never recomputed by a
/// timer; a test proves it equals <see cref="IssueSummaries.RebuildAsync"/>'s straight count after randomised changes.
/// </summary>
public class IssueMonthCount
{
    public IssueMonthCount(IssueMeasure measure, int month, int areaId, int level, int key, int total)
    {
        Measure = measure;
        Month = month;
        AreaId = areaId;
        Level = level;
        Key = key;
        Total = total;
    }

    public IssueMeasure Measure { get; private set; }

    /// <summary>The UK calendar month as yyyymm (202611 = November 2026).</summary>
    public int Month { get; private set; }

    public int AreaId { get; private set; }

    /// <summary>1–4, or <see cref="IssueCount.Untriaged"/>; for a flow, the level it moved from.</summary>
    public int Level { get; private set; }

    /// <summary>What the measure is broken down by (<see cref="IssueMeasure"/>).</summary>
    public int Key { get; private set; }

    public int Total { get; private set; }

    public static int MonthOf(DateOnly date) => (date.Year * 100) + date.Month;

    public static int MonthOf(DateTime utc) => MonthOf(UkTime.DateOf(utc));

    public static DateOnly FirstDayOf(int month) => new(month / 100, month % 100, 1);

    public readonly record struct Id(IssueMeasure Measure, int Month, int AreaId, int Level, int Key);

    /// <summary>
    /// The <see cref="AreaId"/> of the borough's own rows: raised and resolved are also counted once for the whole
    /// borough (every area, active or not), so the borough-wide dashboard reads a few thousand rows instead of one
    /// set per area. Flows are not: their table is by area.
    /// </summary>
    public const int Borough = 0;

    public static IEnumerable<Id> KeysOf(IssueFacts issue)
    {
        var raised = MonthOf(issue.RaisedAt);
        int? resolvedMonth = issue.ResolvedAt is { } resolvedAt ? MonthOf(resolvedAt) : null;
        var days = issue.ResolvedAt is { } at ? DaysBand(UkTime.DateOf(at).DayNumber - UkTime.DateOf(issue.RaisedAt).DayNumber) : 0;
        foreach (var area in (int[])[issue.AreaId, Borough])
        {
            yield return new Id(IssueMeasure.RaisedBySource, raised, area, issue.LevelOrUntriaged, (int)issue.Source);
            yield return new Id(IssueMeasure.RaisedByCategory, raised, area, IssueCount.Untriaged, issue.CategoryId);
            if (resolvedMonth is { } month)
            {
                yield return new Id(IssueMeasure.Resolved, month, area, issue.LevelOrUntriaged, days);
            }
        }
    }

    /// <summary>The longest time to resolve counted apart: two years (anything longer counts as this).</summary>
    public const int MostDays = 730;

    /// <summary>
    /// The days taken, as counted: exact up to 31 days; then the first day of its week (32–38, 39–45…) up to 365;
    /// then of its four weeks up to <see cref="MostDays"/>. A median is then exact to the day within a month, and to
    /// the week or four weeks beyond (a few hundred rows a year instead of one a day per area and level).
    /// </summary>
    public static int DaysBand(int days) => days switch
    {
        <= 0 => 0,
        <= 31 => days,
        <= 367 => 32 + ((days - 32) / 7 * 7),
        < MostDays => 368 + ((days - 368) / 28 * 28),
        _ => MostDays,
    };

    /// <summary>The last day of the band that starts at <paramref name="band"/> (<see cref="DaysBand"/>).</summary>
    public static int DaysBandEnd(int band) => band switch
    {
        <= 31 => band,
        <= 367 => band + 6,
        < MostDays => Math.Min(band + 27, MostDays - 1),
        _ => int.MaxValue,
    };

    /// <summary>A step up or down recorded on the timeline, as a flow ("Level 2" → "Level 3").</summary>
    public static Id? FlowOf(int areaId, IssueEventKind kind, DateTime occurredAt, string? oldValue, string? newValue) =>
        kind is IssueEventKind.SteppedUp or IssueEventKind.SteppedDown && LevelNumber(oldValue) is { } from && LevelNumber(newValue) is { } to
            ? new Id(IssueMeasure.Flow, MonthOf(occurredAt), areaId, from, to)
            : null;

    private static int? LevelNumber(string? text) =>
        text is { Length: > 6 } && text.StartsWith("Level ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(6), out var level) ? level : null;

    internal static readonly SummaryTable<Id> Table = new(
        "IssueMonthCounts", ["Measure", "Month", "AreaId", "Level", "Key"], k => [(int)k.Measure, k.Month, k.AreaId, k.Level, k.Key]);
}

/// <summary>Which date of an open issue <see cref="OpenIssueDate"/> counts by.</summary>
public enum OpenIssueDateKind
{
    /// <summary>The UK day it was raised (ageing; every open issue has one, so the open count by owner and level).</summary>
    Raised = 1,

    /// <summary>Its target date (overdue: before today).</summary>
    Target = 2,

    /// <summary>A Level 1 referral's follow-up date, while the service's confirmation is awaited (<see cref="FollowUps"/>: due on or before today).</summary>
    FollowUp = 3,

    /// <summary>
    /// Every open issue, undated (<see cref="OpenIssueDate.On"/> is <see cref="OpenIssueDate.Undated"/>): the open
    /// count by area, owner and level, read without summing a row per day raised.
    /// </summary>
    Open = 4,
}

/// <summary>
/// Open issues counted by a date (raised, target, follow-up), area, owner and level: overdue, follow-ups due and
/// ageing are then sums over a date range, whatever "today" is, without reading the issues. Kept with each save
/// (<see cref="IssueSummaries"/>); an issue leaves it when it is resolved, closed or withdrawn.
/// </summary>
public class OpenIssueDate
{
    /// <summary>The <see cref="OwnerId"/> stored for an issue with no owner (a key column cannot be null).</summary>
    public const int NoOwner = 0;

    /// <summary>
    /// The <see cref="AreaId"/> of the borough's own "raised" rows (with <see cref="NoOwner"/>): open issues by day
    /// raised and level for every area, active or not, so the borough-wide ageing reads a row per day and level
    /// instead of one per day, area, owner and level.
    /// </summary>
    public const int Borough = 0;

    /// <summary>The <see cref="On"/> of <see cref="OpenIssueDateKind.Open"/> rows.</summary>
    public static readonly DateOnly Undated = DateOnly.MinValue;

    public OpenIssueDate(OpenIssueDateKind kind, DateOnly on, int areaId, int ownerId, int level, int total)
    {
        Kind = kind;
        On = on;
        AreaId = areaId;
        OwnerId = ownerId;
        Level = level;
        Total = total;
    }

    public OpenIssueDateKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public int AreaId { get; private set; }

    public int OwnerId { get; private set; }

    public int Level { get; private set; }

    public int Total { get; private set; }

    public readonly record struct Id(OpenIssueDateKind Kind, DateOnly On, int AreaId, int OwnerId, int Level);

    public static IEnumerable<Id> KeysOf(IssueFacts issue)
    {
        if (!issue.IsOpen)
        {
            yield break;
        }

        var owner = issue.OwnerId ?? NoOwner;
        yield return new Id(OpenIssueDateKind.Open, Undated, issue.AreaId, owner, issue.LevelOrUntriaged);
        yield return new Id(OpenIssueDateKind.Raised, UkTime.DateOf(issue.RaisedAt), issue.AreaId, owner, issue.LevelOrUntriaged);
        yield return new Id(OpenIssueDateKind.Raised, UkTime.DateOf(issue.RaisedAt), Borough, NoOwner, issue.LevelOrUntriaged);
        if (issue.TargetDate is { } target)
        {
            yield return new Id(OpenIssueDateKind.Target, target, issue.AreaId, owner, issue.LevelOrUntriaged);
        }

        if (issue.FollowUpOn is { } followUp && issue.ReferralConfirmedAt is null)
        {
            yield return new Id(OpenIssueDateKind.FollowUp, followUp, issue.AreaId, owner, issue.LevelOrUntriaged);
        }
    }

    internal static readonly SummaryTable<Id> Table = new(
        "OpenIssueDates", ["Kind", "On", "AreaId", "OwnerId", "Level"], k => [(int)k.Kind, k.On, k.AreaId, k.OwnerId, k.Level]);
}

/// <summary>Building a summary's changes: add to a key's count, and drop the keys that came back to nought.</summary>
internal static class SummaryTable
{
    public static void Add<TKey>(Dictionary<TKey, int> changes, TKey key, int by)
        where TKey : notnull =>
        changes[key] = changes.GetValueOrDefault(key) + by;

    public static void Add<TKey>(Dictionary<TKey, long> changes, TKey key, long by)
        where TKey : notnull =>
        changes[key] = changes.GetValueOrDefault(key) + by;

    public static void DropZeros<TKey, TValue>(Dictionary<TKey, TValue> changes)
        where TKey : notnull
        where TValue : System.Numerics.INumber<TValue>
    {
        foreach (var unchanged in changes.Where(c => TValue.IsZero(c.Value)).Select(c => c.Key).ToList())
        {
            changes.Remove(unchanged);
        }
    }

    /// <summary>
    /// The most parameters one command carries (SQL Server allows 2,100): a save that moves more keys than that (a
    /// bulk change) is sent as several commands, in the same transaction.
    /// </summary>
    private const int MostParameters = 2000;

    /// <summary>
    /// Applies every table's changes for one save: one multi-row upsert statement per table, all in one command
    /// (one round trip instead of one per key; the write lock is held that much less).
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, IEnumerable<SummaryChanges> tables, CancellationToken ct)
    {
        foreach (var (sql, parameters) in Commands(db, tables))
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    public static void Apply(AppDbContext db, IEnumerable<SummaryChanges> tables)
    {
        foreach (var (sql, parameters) in Commands(db, tables))
        {
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    private static IEnumerable<(string Sql, object[] Parameters)> Commands(AppDbContext db, IEnumerable<SummaryChanges> tables)
    {
        var sqlServer = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        var sql = new System.Text.StringBuilder();
        var parameters = new List<object>();
        foreach (var table in tables.Where(t => t.Rows.Count > 0))
        {
            var perRow = table.KeyColumns.Length + 1;
            foreach (var chunk in table.Rows.Chunk(MostParameters / perRow))
            {
                if (parameters.Count + (chunk.Length * perRow) > MostParameters)
                {
                    yield return (sql.ToString(), [.. parameters]);
                    sql.Clear();
                    parameters.Clear();
                }

                var values = string.Join(", ", chunk.Select((_, r) =>
                    "(" + string.Join(", ", Enumerable.Range(parameters.Count + (r * perRow), perRow).Select(i => $"{{{i}}}")) + ")"));
                sql.AppendLine(UpsertSql(table.Table, table.KeyColumns, values, sqlServer));
                parameters.AddRange(chunk.SelectMany(row => row));
            }
        }

        if (parameters.Count > 0)
        {
            yield return (sql.ToString(), [.. parameters]);
        }
    }

    private static string UpsertSql(string table, string[] keyColumns, string values, bool sqlServer)
    {
        if (sqlServer)
        {
            var all = string.Join(", ", keyColumns.Append("Total").Select(c => $"[{c}]"));
            var on = string.Join(" AND ", keyColumns.Select(c => $"t.[{c}] = s.[{c}]"));
            var insertValues = string.Join(", ", keyColumns.Append("Total").Select(c => $"s.[{c}]"));
            return $$"""
                MERGE [{{table}}] WITH (HOLDLOCK) AS t
                USING (VALUES {{values}}) AS s ({{all}})
                ON {{on}}
                WHEN MATCHED THEN UPDATE SET [Total] = t.[Total] + s.[Total]
                WHEN NOT MATCHED THEN INSERT ({{all}}) VALUES ({{insertValues}});
                """;
        }

        var columns = string.Join(", ", keyColumns.Select(c => $"\"{c}\""));
        return $$"""
            INSERT INTO "{{table}}" ({{columns}}, "Total") VALUES {{values}}
            ON CONFLICT ({{columns}}) DO UPDATE SET "Total" = "Total" + excluded."Total";
            """;
    }
}

/// <summary>
/// One summary table's upsert: "add this much to the row with this key", atomic on both providers (never
/// read-then-write, so concurrent saves cannot lose a count). <see cref="IssueCount"/>, <see cref="IssueMonthCount"/>
/// and <see cref="OpenIssueDate"/> each have one; <see cref="SummaryTable.ApplyAsync"/> sends every table's changes
/// for a save as one command.
/// </summary>
internal sealed class SummaryTable<TKey>(string table, string[] keyColumns, Func<TKey, object[]> keyValues)
    where TKey : notnull
{
    /// <summary>The changes as rows of key values followed by the amount to add.</summary>
    public SummaryChanges Changes(Dictionary<TKey, int> changes) =>
        new(table, keyColumns, [.. changes.Select(c => (object[])[.. keyValues(c.Key), c.Value])]);

    public SummaryChanges Changes(Dictionary<TKey, long> changes) =>
        new(table, keyColumns, [.. changes.Select(c => (object[])[.. keyValues(c.Key), c.Value])]);
}

/// <summary>One table's rows to add (key values, then the amount), for <see cref="SummaryTable.ApplyAsync"/>.</summary>
internal sealed record SummaryChanges(string Table, string[] KeyColumns, IReadOnlyList<object[]> Rows);
/// <summary>
/// Keeps the dashboard summaries (<see cref="IssueMonthCount"/>, <see cref="OpenIssueDate"/>) in step with the
/// issues, in the same transaction as the save (called by <see cref="AppDbContext"/> beside <see cref="IssueCount"/>).
/// The change is worked out from each tracked issue's values before and after (−1 under every old key, +1 under
/// every new one) and from the step-up and step-down entries being added to timelines.
/// </summary>
public static class IssueSummaries
{
    public sealed class Pending
    {
        public Dictionary<IssueMonthCount.Id, int> Months { get; } = [];

        public Dictionary<OpenIssueDate.Id, int> Open { get; } = [];

        public bool IsEmpty => Months.Count == 0 && Open.Count == 0;
    }

    public static Pending Changes(ChangeTracker tracker)
    {
        var pending = new Pending();
        var areaOfIssue = new Dictionary<int, int>();
        foreach (var entry in tracker.Entries<Issue>())
        {
            areaOfIssue[entry.Entity.Id] = entry.Entity.AreaId;
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var before = IssueFacts.From(entry.OriginalValues);
                Move(pending, before, -1);
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Move(pending, IssueFacts.From(entry.CurrentValues), +1);
            }

            // A step up or down adds its entry to the timeline in the same save: that entry is the flow.
            foreach (var step in entry.Entity.Events)
            {
                if (tracker.Context.Entry(step).State == EntityState.Added
                    && IssueMonthCount.FlowOf(entry.Entity.AreaId, step.Kind, step.OccurredAt, step.OldValue, step.NewValue) is { } flow)
                {
                    SummaryTable.Add(pending.Months, flow, 1);
                }
            }
        }

        SummaryTable.DropZeros(pending.Months);
        SummaryTable.DropZeros(pending.Open);
        return pending;
    }

    /// <summary>The changes as rows for <see cref="SummaryTable.ApplyAsync"/> (applied with <see cref="IssueCount"/>'s in one command).</summary>
    internal static IEnumerable<SummaryChanges> Rows(Pending pending) =>
        [IssueMonthCount.Table.Changes(pending.Months), OpenIssueDate.Table.Changes(pending.Open)];

    /// <summary>The straight count: every summary row worked out afresh from the issues and their step entries.</summary>
    public static async Task<(Dictionary<IssueMonthCount.Id, int> Months, Dictionary<OpenIssueDate.Id, int> Open)> CountAsync(AppDbContext db, CancellationToken ct)
    {
        var pending = new Pending();
        await foreach (var issue in IssueFacts.Query(db).AsAsyncEnumerable().WithCancellation(ct))
        {
            Move(pending, issue, +1);
        }

        var steps = db.IssueEvents.AsNoTracking()
            .Where(e => e.Kind == IssueEventKind.SteppedUp || e.Kind == IssueEventKind.SteppedDown)
            .Join(db.Issues, e => e.IssueId, i => i.Id, (e, i) => new { i.AreaId, e.Kind, e.OccurredAt, e.OldValue, e.NewValue });
        await foreach (var step in steps.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (IssueMonthCount.FlowOf(step.AreaId, step.Kind, step.OccurredAt, step.OldValue, step.NewValue) is { } flow)
            {
                SummaryTable.Add(pending.Months, flow, 1);
            }
        }

        SummaryTable.DropZeros(pending.Months);
        SummaryTable.DropZeros(pending.Open);
        return (pending.Months, pending.Open);
    }

    /// <summary>
    /// Replaces both summaries with the straight count, in one transaction: for bulk loads that bypass the
    /// context (the data generator) and the migration that creates them.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var (months, open) = await CountAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"IssueMonthCounts\"", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"OpenIssueDates\"", ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in months.Chunk(5000))
        {
            db.IssueMonthCounts.AddRange(chunk.Select(r => new IssueMonthCount(r.Key.Measure, r.Key.Month, r.Key.AreaId, r.Key.Level, r.Key.Key, r.Value)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        foreach (var chunk in open.Chunk(5000))
        {
            db.OpenIssueDates.AddRange(chunk.Select(r => new OpenIssueDate(r.Key.Kind, r.Key.On, r.Key.AreaId, r.Key.OwnerId, r.Key.Level, r.Value)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(ct);
    }

    private static void Move(Pending pending, IssueFacts issue, int by)
    {
        foreach (var key in IssueMonthCount.KeysOf(issue))
        {
            SummaryTable.Add(pending.Months, key, by);
        }

        foreach (var key in OpenIssueDate.KeysOf(issue))
        {
            SummaryTable.Add(pending.Open, key, by);
        }
    }

}

internal sealed class IssueMonthCountConfiguration : IEntityTypeConfiguration<IssueMonthCount>
{
    public void Configure(EntityTypeBuilder<IssueMonthCount> builder)
    {
        // Readers ask for a measure over a run of months, for some areas or the borough's own rows (area 0): area
        // before month, so each area (or the borough) is one seek and a run of months, not a scan of every area's.
        builder.HasKey(c => new { c.Measure, c.AreaId, c.Month, c.Level, c.Key });
        builder.Property(c => c.Level).ValueGeneratedNever();
        builder.Property(c => c.Key).ValueGeneratedNever();
    }
}

internal sealed class OpenIssueDateConfiguration : IEntityTypeConfiguration<OpenIssueDate>
{
    public void Configure(EntityTypeBuilder<OpenIssueDate> builder)
    {
        // Readers ask for one kind of date before (or after) a day, for some areas or the borough's own rows: area
        // before day, so each area is one seek and a run of days.
        builder.HasKey(c => new { c.Kind, c.AreaId, c.On, c.OwnerId, c.Level });
        builder.Property(c => c.OwnerId).ValueGeneratedNever();
        builder.Property(c => c.Level).ValueGeneratedNever();
    }
}
