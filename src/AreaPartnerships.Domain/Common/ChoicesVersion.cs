namespace AreaPartnerships.Domain.Common;

/// <summary>
/// Moves on whenever this app saves a change to what lists offer as choices (areas, wards, categories, organisations,
/// users and their roles), so a cache of those choices keyed by it is never stale in this app; another instance sees
/// the change when its cache expires. One per app (a singleton), moved on by <see cref="AppDbContext"/>.
/// </summary>
public sealed class ChoicesVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void MoveOn() => Interlocked.Increment(ref _value);
}
