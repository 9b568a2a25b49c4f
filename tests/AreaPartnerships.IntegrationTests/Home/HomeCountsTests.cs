using System.Globalization;
using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Home;

/// <summary>
/// The homes' counts read in the shapes that are fast at scale give exactly the numbers of the straight rule: a
/// partner's open issues read term by term (<c>VisibleOpenIssues</c>) are the issues their rule reaches, each once,
/// and the same as <c>VisibleIssues</c> narrowed to the open statuses for every role; a partner's open and overdue
/// counts are hand-computed on issues reached through each term of their rule and through several at once, beside
/// closed ones, another organisation's and confidential ones (counted only once an agreement is recorded).
/// </summary>
public sealed class HomeCountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = UkTime.DateOf(DateTime.UtcNow);

    /// <summary>
    /// A housing association with two partner users (<see cref="Member"/>, who sits on one of area A's task groups, and a
    /// colleague) and issues reached by each term of their rule, by several terms at once, and by none.
    /// </summary>
    private sealed record Scene(IssueWorld World, Organisation Housing, ApplicationUser Member, ApplicationUser Colleague);

    private async Task<Scene> SceneAsync()
    {
        var w = await IssueWorld.CreateAsync(app);
        var housing = await app.Data.CreateOrganisationAsync(kind: OrganisationKind.Housing);
        var member = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: housing.Id);
        var colleague = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: housing.Id);
        var group = await IssueWorld.CreateTaskGroupAsync(app, w.AreaA, member);
        var manager = w.AreaManagerA;
        var now = DateTime.UtcNow;
        var ledByHousing = new Assignment(member.Id, member.DisplayName, housing.Id, housing.Name);
        var inTheGroup = new Assignment(manager.Id, manager.DisplayName, TaskGroupId: group.Id, TaskGroupName: group.Name);
        Action<Issue> Triage(IssueLevel level, Assignment assignment) => i => i.Triage(level, "For the home counts", assignment, manager.Id, now.AddDays(-2), 30);
        Task Overdue(Issue issue) => IssueWorld.UpdateIssueAsync(app, issue.Id, s => s.SetProperty(i => i.TargetDate, Today.AddDays(-1)));

        // Counted: raised by the member (open, in area A and in area B); led by housing (overdue); referred to housing;
        // in the task group (overdue); and one reached by three terms at once (raised by them, led by housing, in the group).
        await app.Data.CreateIssueAsync(w.WardA1, member.Id);
        await app.Data.CreateIssueAsync(w.WardB1, member.Id);
        await Overdue(await app.Data.CreateIssueAsync(w.WardA1, manager.Id, then: Triage(IssueLevel.MultiAgency, ledByHousing)));
        await app.Data.CreateIssueAsync(w.WardA2, manager.Id, then: Triage(IssueLevel.FrontLine,
            new Assignment(ReferredOrganisationId: housing.Id, ReferredOrganisationName: housing.Name, FollowUpOn: Today.AddDays(7))));
        await Overdue(await app.Data.CreateIssueAsync(w.WardA1, manager.Id, then: Triage(IssueLevel.Partnership, inTheGroup)));
        await app.Data.CreateIssueAsync(w.WardA1, member.Id, then: Triage(IssueLevel.Partnership,
            new Assignment(member.Id, member.DisplayName, housing.Id, housing.Name, TaskGroupId: group.Id, TaskGroupName: group.Name)));

        // Not counted: closed by each term (resolved, withdrawn); another organisation's; nobody's; and, until an agreement
        // is recorded, a confidential one led by housing (overdue) and a confidential one the member raised.
        await app.Data.CreateIssueAsync(w.WardA1, member.Id, then: w.Resolved);
        await app.Data.CreateIssueAsync(w.WardA1, manager.Id, then: i =>
        {
            Triage(IssueLevel.Partnership, inTheGroup)(i);
            i.Resolve("Sorted", manager.Id, now.AddDays(-1));
        });
        await app.Data.CreateIssueAsync(w.WardA1, manager.Id, then: i =>
        {
            Triage(IssueLevel.MultiAgency, ledByHousing)(i);
            i.Withdraw("Raised in error", null, manager.Id, now.AddDays(-1));
        });
        await Overdue(await app.Data.CreateIssueAsync(w.WardA1, manager.Id, then: w.AtLevel3));
        await app.Data.CreateIssueAsync(w.WardA1, manager.Id);
        await Overdue(await app.Data.CreateIssueAsync(w.WardA1, manager.Id, confidential: true, then: Triage(IssueLevel.MultiAgency, ledByHousing)));
        await app.Data.CreateIssueAsync(w.WardB1, member.Id, confidential: true);
        return new Scene(w, housing, member, colleague);
    }

    private static int Number(string text) =>
        int.Parse(new string([.. text.Trim().TakeWhile(char.IsDigit)]), CultureInfo.InvariantCulture);

    /// <summary>The partner's organisation row: each count, and the number of rows behind its link to the case list.</summary>
    private static async Task<(int Open, int OpenListed, int Overdue, int OverdueListed)> OrganisationRowAsync(HttpClient client)
    {
        var home = await client.GetDocumentAsync("/");
        async Task<(int, int)> Cell(IHtmlDocument page, string column)
        {
            var link = page.QuerySelector($"[data-testid=home-scope] td[data-column={column}] a")!;
            var href = link.GetAttribute("href")!;
            return (Number(link.TextContent), (await IssuePages.ExportedAsync(client, href["/issues".Length..])).Count);
        }

        var (open, openListed) = await Cell(home, "Open");
        var (overdue, overdueListed) = await Cell(home, "Overdue");
        return (open, openListed, overdue, overdueListed);
    }

    [Fact]
    public async Task Partners_open_and_overdue_counts_take_each_issue_their_rule_reaches_once_and_confidential_ones_only_with_an_agreement()
    {
        var scene = await SceneAsync();

        foreach (var partner in new[] { scene.Member, scene.Colleague })
        {
            var client = app.ClientFor(partner.Id);
            // The colleague is not on the task group, but their organisation is; only the member raised the issues they raised.
            var expected = partner == scene.Member ? (Open: 6, Overdue: 2) : (Open: 4, Overdue: 2);

            Assert.Equal((expected.Open, expected.Open, expected.Overdue, expected.Overdue), await OrganisationRowAsync(client));
        }

        await IssueWorld.RecordAgreementAsync(app, scene.Member.Id, scene.World.PartnershipManager.Id);

        Assert.Equal((8, 8, 3, 3), await OrganisationRowAsync(app.ClientFor(scene.Member.Id)));
    }

    [Fact]
    public async Task Each_persons_open_issues_read_for_the_homes_are_exactly_the_open_issues_they_may_see()
    {
        var scene = await SceneAsync();
        await IssueWorld.RecordAgreementAsync(app, scene.Colleague.Id, scene.World.PartnershipManager.Id);
        var w = scene.World;
        var people = new[] { w.PartnershipManager, w.AreaManagerA, w.AreaManagerB, w.SupportOfficerA, w.CouncillorA1, w.PoliceUser, scene.Member, scene.Colleague };

        foreach (var person in people)
        {
            var (straight, read) = await app.WithDbAsync(async db =>
            {
                var viewer = await Viewer.ForUserAsync(person.Id, db, CancellationToken.None) ?? throw new InvalidOperationException("No such user");
                var straight = await viewer.VisibleIssues(db)
                    .Where(i => i.Status == IssueStatus.New || i.Status == IssueStatus.Triaged || i.Status == IssueStatus.InProgress)
                    .Select(i => i.Id).OrderBy(id => id).ToListAsync();
                var read = await viewer.VisibleOpenIssues(db).Select(i => i.Id).OrderBy(id => id).ToListAsync();
                return (straight, read);
            });

            Assert.NotEmpty(straight);
            Assert.Equal(straight, read);
        }
    }
}
