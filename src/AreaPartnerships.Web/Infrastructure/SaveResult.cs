namespace AreaPartnerships.Web.Infrastructure;

/// <summary>A form whose record is protected by an optimistic-concurrency version.</summary>
public interface IVersionedForm
{
    Guid Version { get; set; }
}

/// <summary>What an edit handler reports back: saved (with the record's id), a conflict, or not found.</summary>
public sealed record SaveResult(int? Id, EditConflict? Conflict = null, bool NotFound = false)
{
    public static SaveResult Saved(int id) => new(id);

    public static SaveResult Missing() => new(null, NotFound: true);

    /// <summary>A conflict, or not found when the row was deleted meanwhile (no conflict to report).</summary>
    public static SaveResult ConflictOrMissing(int id, EditConflict? conflict) => conflict is null ? Missing() : new(id, conflict);
}
