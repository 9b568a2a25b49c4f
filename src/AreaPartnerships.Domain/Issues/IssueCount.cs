using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AreaPartnerships.Domain.Issues;

/// <summary>
/// How many issues there are in each area, ward, status and level, confidential or not: the summary the home pages,
/// the case list's totals and the dashboards read instead of counting a table of millions. Kept by
/// <see cref="AppDbContext"/> in the same transaction as every save that adds an issue or changes one of these
/// columns (<see cref="Changes"/>, <see cref="ApplyAsync"/>), so it is never stale and never recomputed by a timer;
/// a test proves it equals the straight count after every kind of change. Bulk loads that bypass the context
/// (the data generator, the migration that created it) finish with <see cref="RebuildSql"/>.
/// </summary>
public class IssueCount
{
    /// <summary>The <see cref="Level"/> stored for an issue not yet triaged (a key column cannot be null).</summary>
    public const int Untriaged = 0;

    /// <summary>Recounts the whole summary from the issues table, in one statement (both providers).</summary>
    public const string RebuildSql =
        """
        DELETE FROM "IssueCounts";
        INSERT INTO "IssueCounts" ("AreaId", "WardId", "Status", "Level", "IsConfidential", "Total")
        SELECT "AreaId", "WardId", "Status", COALESCE("Level", 0), "IsConfidential", COUNT(*)
        FROM "Issues"
        GROUP BY "AreaId", "WardId", "Status", COALESCE("Level", 0), "IsConfidential";
        """;

    public IssueCount(int areaId, int wardId, IssueStatus status, int level, bool isConfidential, int total)
    {
        AreaId = areaId;
        WardId = wardId;
        Status = status;
        Level = level;
        IsConfidential = isConfidential;
        Total = total;
    }

    public int AreaId { get; private set; }

    public int WardId { get; private set; }

    public IssueStatus Status { get; private set; }

    /// <summary>1–4, or <see cref="Untriaged"/>.</summary>
    public int Level { get; private set; }

    public bool IsConfidential { get; private set; }

    public int Total { get; private set; }

    /// <summary>One row's change: the key it counts under and how much it moves.</summary>
    public readonly record struct Key(int AreaId, int WardId, IssueStatus Status, int Level, bool IsConfidential);

    /// <summary>
    /// What the pending save does to the counts: +1 under an added issue's key; −1 under the old key and +1 under
    /// the new for an issue whose area, ward, status, level or confidentiality changed. Read before saving, while
    /// the original values are still known.
    /// </summary>
    public static Dictionary<Key, int> Changes(ChangeTracker tracker)
    {
        var changes = new Dictionary<Key, int>();
        foreach (var entry in tracker.Entries<Issue>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    SummaryTable.Add(changes, KeyOf(entry.CurrentValues), 1);
                    break;
                case EntityState.Modified:
                    var before = KeyOf(entry.OriginalValues);
                    var after = KeyOf(entry.CurrentValues);
                    if (before != after)
                    {
                        SummaryTable.Add(changes, before, -1);
                        SummaryTable.Add(changes, after, 1);
                    }

                    break;
                case EntityState.Deleted:
                    SummaryTable.Add(changes, KeyOf(entry.OriginalValues), -1);
                    break;
            }
        }

        SummaryTable.DropZeros(changes);
        return changes;
    }

    /// <summary>The changes as rows for <see cref="SummaryTable.ApplyAsync"/>: an atomic upsert per key (never read-then-write, so concurrent saves cannot lose a count).</summary>
    internal static SummaryChanges Rows(Dictionary<Key, int> changes) => Table.Changes(changes);

    private static readonly SummaryTable<Key> Table = new(
        "IssueCounts", ["AreaId", "WardId", "Status", "Level", "IsConfidential"], k => [k.AreaId, k.WardId, (int)k.Status, k.Level, k.IsConfidential]);

    private static Key KeyOf(PropertyValues values) => new(
        values.GetValue<int>(nameof(Issue.AreaId)),
        values.GetValue<int>(nameof(Issue.WardId)),
        values.GetValue<IssueStatus>(nameof(Issue.Status)),
        values.GetValue<IssueLevel?>(nameof(Issue.Level)) is { } level ? (int)level : Untriaged,
        values.GetValue<bool>(nameof(Issue.IsConfidential)));
}

internal sealed class IssueCountConfiguration : IEntityTypeConfiguration<IssueCount>
{
    public void Configure(EntityTypeBuilder<IssueCount> builder)
    {
        // The key is every dimension, in the order the readers filter: area (officers), then ward (councillors).
        builder.HasKey(c => new { c.AreaId, c.WardId, c.Status, c.Level, c.IsConfidential });
        builder.Property(c => c.Level).ValueGeneratedNever();
    }
}
