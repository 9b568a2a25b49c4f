using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Issues;

/// <summary>Target response time for issues at a level, set by the administrator.</summary>
public class LevelTarget : IVersioned
{
    public const int MaxDays = 730;

    public LevelTarget(IssueLevel level, int targetDays)
    {
        Level = level;
        Change(targetDays);
    }

    public IssueLevel Level { get; private set; }

    /// <summary>Days from triage (or a step up/down) to the response being due.</summary>
    public int TargetDays { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Sets a new target; issues triaged or moved from now on take it, existing due dates stay as they were set.</summary>
    public void Change(int targetDays)
    {
        if (targetDays is < 1 or > MaxDays)
        {
            throw new DomainException($"The target must be between 1 and {MaxDays} days", nameof(TargetDays));
        }

        TargetDays = targetDays;
    }
}

/// <summary>Next issue number per year, for references like AP-2026-00042 (incremented under concurrency control).</summary>
public class ReferenceCounter : IVersioned
{
    public ReferenceCounter(int year) => Year = year;

    public int Year { get; private set; }

    public int LastNumber { get; set; }

    public Guid Version { get; set; }

    public string Next()
    {
        LastNumber++;
        return $"AP-{Year}-{LastNumber:00000}";
    }
}
