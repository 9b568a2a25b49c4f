using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Issues;

/// <summary>Target response time for issues at a level, set by the administrator.</summary>
public class LevelTarget : IVersioned
{
    public LevelTarget(IssueLevel level, int targetDays)
    {
        Level = level;
        TargetDays = targetDays;
    }

    public IssueLevel Level { get; private set; }

    public int TargetDays { get; set; }

    public Guid Version { get; set; }
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
