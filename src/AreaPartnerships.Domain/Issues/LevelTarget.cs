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

/// <summary>
/// The last issue number taken in a year, for references like AP-2026-00042. Numbers are taken by one
/// atomic increment of this row, the first statement of the raising transaction (see IssueReferences in
/// the web project), so two raises can never take the same number and references stay consecutive.
/// </summary>
public class ReferenceCounter
{
    public ReferenceCounter(int year) => Year = year;

    public int Year { get; private set; }

    public int LastNumber { get; set; }

    /// <summary>Takes the next number in memory (the demo data, which runs alone at start-up).</summary>
    public string Next()
    {
        LastNumber++;
        return Issue.ReferenceFor(Year, LastNumber);
    }
}
