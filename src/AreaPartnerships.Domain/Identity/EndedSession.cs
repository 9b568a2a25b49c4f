namespace AreaPartnerships.Domain.Identity;

/// <summary>
/// A sign-in session ended by signing out. Every sign-in cookie carries its session's id; a cookie whose
/// session is listed here is refused by every instance of the app (docs/decisions/0011). A row is kept
/// until every cookie of that session would have expired anyway (<see cref="KeepUntil"/>), then pruned.
/// </summary>
public class EndedSession
{
    public EndedSession(Guid id, DateTime endedAt, DateTime keepUntil)
    {
        Id = id;
        EndedAt = endedAt;
        KeepUntil = keepUntil;
    }

    /// <summary>The session's id, as carried in its cookie.</summary>
    public Guid Id { get; private set; }

    /// <summary>When the person signed out (UTC).</summary>
    public DateTime EndedAt { get; private set; }

    /// <summary>After this (UTC) no cookie of the session can still be in date, so the row may go.</summary>
    public DateTime KeepUntil { get; private set; }
}
