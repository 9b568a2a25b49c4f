using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.Web.Features.AreaPlans;

/// <summary>
/// Move a priority one place up or down its plan. The move is made from the plan's order as it is when
/// the button is pressed; if someone else reorders the plan at the same moment, the second move is
/// refused and the person asked to check the order.
/// </summary>
public static class MovePriority
{
    public enum Direction
    {
        Up,
        Down,
    }

    /// <summary>What happened: <see cref="Message"/> is the banner text; the plan's year says where to go back to.</summary>
    public sealed record Outcome(bool Moved, string Message, int Year);

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>Moves the priority; null when the area's plans hold no such priority.</summary>
        public async Task<Outcome?> HandleAsync(Viewer viewer, PlanArea area, int priorityId, Direction direction, CancellationToken ct)
        {
            var plan = await AreaPlanStore.FindHoldingAsync(db, area.Id, priorityId, ct);
            if (plan is null)
            {
                logger.LogWarning("Priority {PriorityId} asked for in area {AreaId}, where there is no such priority", priorityId, area.Id);
                return null;
            }

            var priority = plan.Priorities.Single(p => p.Id == priorityId);
            try
            {
                if (direction == Direction.Up)
                {
                    plan.MovePriorityUp(priority);
                }
                else
                {
                    plan.MovePriorityDown(priority);
                }
            }
            catch (DomainException ex)
            {
                return new Outcome(false, ex.Message, plan.FinancialYearStart);
            }

            var saved = await VersionedSave.SaveAsync(db, priority, null, AreaPlanStore.PriorityConflict(db), ct);
            if (saved.Conflict is not null || saved.NotFound)
            {
                return new Outcome(false, "Someone else changed the plan's priorities at the same moment, so ‘" + priority.Title
                    + "’ has not been moved. Check the order below and move it again if you still need to", plan.FinancialYearStart);
            }

            logger.LogInformation("User {UserId} moved priority {PriorityId} {Direction} in area {AreaId}", viewer.UserId, priorityId, direction, area.Id);
            return new Outcome(true, $"‘{priority.Title}’ moved {(direction == Direction.Up ? "up" : "down")}", plan.FinancialYearStart);
        }
    }
}
