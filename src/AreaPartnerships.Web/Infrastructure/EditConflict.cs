using AreaPartnerships.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// The second of two concurrent saves is refused, never silently applied. This builds the message the
/// person sees: who made the other change and when (where the record keeps a timeline), and what the
/// record holds now, with their own values kept in the form and its version moved on, so saving again is a
/// deliberate choice. Saving under a version is <see cref="VersionedSave"/>.
/// </summary>
public sealed record EditConflict(string Message, Guid CurrentVersion)
{
    /// <summary>ModelState key for the conflict message: not a field, so the summary shows it without a link.</summary>
    public const string Field = "";

    /// <summary>Who made the latest change to a record, and when (read from its timeline).</summary>
    public sealed record Change(string By, DateTime At);

    /// <summary>
    /// The conflict for a record whose current values are known. <paramref name="currentValues"/> are short
    /// phrases ("Level 3", "status in progress", "name “South Walsall”") for the properties the form edits.
    /// </summary>
    public static EditConflict For(string recordName, IEnumerable<string> currentValues, Guid currentVersion, Change? lastChange = null)
    {
        var who = lastChange is null
            ? $"Someone else changed this {recordName}"
            : $"{lastChange.By} changed this {recordName} at {UkFormat.TimeOnDate(lastChange.At)}";
        return new(
            $"{who} while you were editing it, so your changes have not been saved. It now reads: {string.Join("; ", currentValues)}. Check your changes below and save again to replace theirs.",
            currentVersion);
    }

    /// <summary>Something else the save touched (a linked record, say) was changed by someone else at the same moment.</summary>
    public static EditConflict AtTheSameMoment(string what, Guid currentVersion) =>
        new($"{what} changed at the same moment, so your changes have not been saved. Check them below and save again.", currentVersion);

    public static string YesNo(bool value) => value ? "yes" : "no";
}

/// <summary>How a kind of record is described in a conflict message.</summary>
/// <param name="RecordName">"issue", "task group", "ward"… as in "Someone else changed this ward".</param>
/// <param name="DescribeAsync">The record's current values as short phrases, for the properties its forms edit
/// (asynchronous for those that look up names, such as an area's).</param>
/// <param name="LastChange">Who changed it last and when, for records that keep a timeline.</param>
/// <param name="Others">What else a save may touch, named when that is what changed ("The linked issue").</param>
public sealed record ConflictText(
    string RecordName,
    Func<PropertyValues, CancellationToken, Task<IEnumerable<string>>> DescribeAsync,
    Func<CancellationToken, Task<EditConflict.Change?>>? LastChange = null,
    string Others = "Something this change also updates")
{
    public ConflictText(
        string recordName,
        Func<PropertyValues, IEnumerable<string>> describe,
        Func<CancellationToken, Task<EditConflict.Change?>>? lastChange = null,
        string others = "Something this change also updates")
        : this(recordName, (v, _) => Task.FromResult(describe(v)), lastChange, others)
    {
    }
}

/// <summary>
/// The versioned save, in one place: save everything the unit of work holds, checking that
/// <c>record</c> is still at the version the person's form was read at; when it is not, report what it
/// holds now and who changed it (<see cref="EditConflict"/>), or "not found" when it was deleted meanwhile.
/// Appending (a note, a progress update) does not come here: appends never conflict (see
/// docs/decisions/0013-appending-is-not-editing.md).
/// </summary>
public static class VersionedSave
{
    /// <param name="db">The unit of work; the caller's transaction, if any, is the caller's to commit.</param>
    /// <param name="record">The record the form edits.</param>
    /// <param name="readVersion">The version the form was read at; null to check against the version it was loaded at.</param>
    /// <param name="text">How to describe the record in a conflict.</param>
    /// <param name="moveVersion">Move the version on even when none of the record's own columns changed
    /// (a change to its members or its timeline that must not pass unnoticed by another edit).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<SaveResult> SaveAsync<T>(DbContext db, T record, Guid? readVersion, ConflictText text, CancellationToken ct, bool moveVersion = false)
        where T : class, IVersioned
    {
        var entry = db.Entry(record);
        if (readVersion is { } read && entry.State != EntityState.Added)
        {
            entry.Property(r => r.Version).OriginalValue = read;
        }

        if (moveVersion && entry.State == EntityState.Unchanged)
        {
            entry.Property(r => r.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(IdOf(entry));
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var id = IdOf(entry);
            if (ex.Entries.Count == 1 && ReferenceEquals(ex.Entries[0].Entity, record))
            {
                var current = await ex.Entries[0].GetDatabaseValuesAsync(ct);
                if (current is null)
                {
                    return SaveResult.Missing();
                }

                var change = text.LastChange is null ? null : await text.LastChange(ct);
                var values = await text.DescribeAsync(current, ct);
                return new SaveResult(id, EditConflict.For(text.RecordName, values, current.GetValue<Guid>(nameof(IVersioned.Version)), change));
            }

            // Another row in the same save (a linked issue, the group) changed meanwhile: nothing was saved.
            var ours = await entry.GetDatabaseValuesAsync(ct);
            return ours is null
                ? SaveResult.Missing()
                : new SaveResult(id, EditConflict.AtTheSameMoment(text.Others, ours.GetValue<Guid>(nameof(IVersioned.Version))));
        }
    }

    /// <summary>The conflict to report when the record was loaded after the form was read and has moved on (null when the form is current).</summary>
    public static async Task<SaveResult?> IsStaleAsync<T>(DbContext db, T record, Guid readVersion, ConflictText text, CancellationToken ct)
        where T : class, IVersioned
    {
        if (record.Version == readVersion)
        {
            return null;
        }

        var entry = db.Entry(record);
        var change = text.LastChange is null ? null : await text.LastChange(ct);
        var values = await text.DescribeAsync(entry.CurrentValues, ct);
        return new SaveResult(IdOf(entry), EditConflict.For(text.RecordName, values, record.Version, change));
    }

    private static int IdOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
        return Convert.ToInt32(entry.Property(key.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture);
    }
}
