using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// The second of two concurrent saves is refused, never silently applied. This builds the message the
/// person sees: what the record holds now (the other person's change), with their own values kept in
/// the form and its version moved on, so saving again is a deliberate choice.
/// </summary>
public sealed record EditConflict(string Message, Guid CurrentVersion)
{
    /// <summary>ModelState key for the conflict message: not a field, so the summary shows it without a link.</summary>
    public const string Field = "";

    /// <summary>
    /// Reads the row as it is now. <paramref name="describe"/> turns its current values into
    /// "Name: South Walsall" lines for the properties the form edits. Null when the row was deleted.
    /// </summary>
    public static async Task<EditConflict?> FromAsync(DbUpdateConcurrencyException exception, string recordName, Func<Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues, IEnumerable<string>> describe)
    {
        var entry = exception.Entries.Single();
        var current = await entry.GetDatabaseValuesAsync();
        if (current is null)
        {
            return null;
        }

        return For(recordName, describe(current), current.GetValue<Guid>("Version"));
    }

    /// <summary>The conflict for a record whose current values are known (read after the form was shown).</summary>
    public static EditConflict For(string recordName, IEnumerable<string> currentValues, Guid currentVersion) =>
        new(
            $"Someone else changed this {recordName} while you were editing it, so your changes have not been saved. It now reads: {string.Join("; ", currentValues)}. Check your changes below and save again to replace theirs.",
            currentVersion);

    public static string YesNo(bool value) => value ? "yes" : "no";
}
