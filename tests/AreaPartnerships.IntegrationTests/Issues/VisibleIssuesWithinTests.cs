using System.Linq.Expressions;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// <c>viewer.VisibleIssues(db, condition)</c> — which puts the condition inside each alternative of a partner user's rule
/// so each is an index seek — finds exactly the issues <c>viewer.VisibleIssues(db).Where(condition)</c> does, for every
/// kind of involvement, with and without a confidentiality agreement, and for the other roles.
/// </summary>
public sealed class VisibleIssuesWithinTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static TheoryData<string> Conditions() => ["open", "overdue", "follow-up due", "new", "none"];

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task The_condition_inside_the_rule_finds_the_same_issues_as_after_it(string name)
    {
        var w = await IssueWorld.CreateAsync(app);
        var group = await IssueWorld.CreateTaskGroupAsync(app, w.AreaA, w.PoliceUser);
        await w.IssueAsync(app);
        await w.IssueAsync(app, confidential: true);
        await w.IssueAsync(app, w.AtLevel1);
        await w.IssueAsync(app, w.AtLevel3);
        await w.IssueAsync(app, w.AtLevel3, confidential: true);
        var late = await w.IssueAsync(app, w.AtLevel3);
        await IssueWorld.UpdateIssueAsync(app, late.Id, s => s.SetProperty(i => i.TargetDate, Today.AddDays(-2)));
        await w.IssueAsync(app, i =>
        {
            w.AtLevel2(i);
            i.LinkToTaskGroup(group.Id, group.Name, w.AreaA, w.AreaManagerA.Id, DateTime.UtcNow);
        });
        await app.Data.CreateIssueAsync(w.WardA2, w.PoliceUser.Id);
        await w.IssueAsync(app, w.Resolved);
        Expression<Func<Issue, bool>> condition = name switch
        {
            "open" => i => i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress,
            "overdue" => i => (i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress) && i.TargetDate < Today,
            "follow-up due" => FollowUps.FollowUpDueOn(Today.AddDays(30)),
            "new" => i => i.Status == IssueStatus.New,
            _ => i => false,
        };
        var groups = await IssueWorld.ReadAsync(app, db => db.TaskGroupMembers.Where(m => m.User.OrganisationId == w.Police.Id).Select(m => m.TaskGroupId).Distinct().ToListAsync());
        Viewer[] viewers =
        [
            new(w.PoliceUser.Id, Roles.PartnerUser, [], [], w.Police.Id, false) { OrganisationTaskGroupIds = groups },
            new(w.PoliceUser.Id, Roles.PartnerUser, [], [], w.Police.Id, true) { OrganisationTaskGroupIds = groups },
            new(w.AreaManagerA.Id, Roles.AreaManager, [w.AreaA], [], null, false),
            new(w.CouncillorA1.Id, Roles.Councillor, [], [w.WardA1], null, false),
        ];

        foreach (var viewer in viewers)
        {
            var (inside, after) = await IssueWorld.ReadAsync(app, async db => (
                await viewer.VisibleIssues(db, condition).Select(i => i.Id).OrderBy(id => id).ToListAsync(),
                await viewer.VisibleIssues(db).Where(condition).Select(i => i.Id).OrderBy(id => id).ToListAsync()));
            Assert.Equal(after, inside);
        }
    }
}
