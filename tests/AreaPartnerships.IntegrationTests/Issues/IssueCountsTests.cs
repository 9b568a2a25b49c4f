using AreaPartnerships.Domain;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// The <see cref="IssueCount"/> summary is never stale: after every kind of change — raising, triage, stepping up and
/// down, confidentiality, resolving, reopening, closing, withdrawing — it equals the straight count of the issues, a
/// refused save moves nothing, and the totals the case list shows from it equal the rows the export lists, for every role.
/// </summary>
public sealed class IssueCountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_every_kind_of_change_the_summary_equals_the_straight_count()
    {
        var w = await IssueWorld.CreateAsync(app);
        var manager = w.AreaManagerA.Id;
        var now = DateTime.UtcNow;
        var untouched = await w.IssueAsync(app);
        var secret = await w.IssueAsync(app, confidential: true);
        var inB = await w.IssueAsync(app, wardId: w.WardB1);
        var level1 = await w.IssueAsync(app, w.AtLevel1);
        var level2 = await w.IssueAsync(app, w.AtLevel2);
        var level3 = await w.IssueAsync(app, w.AtLevel3);
        var resolved = await w.IssueAsync(app, w.Resolved);
        await IssueCountChecks.AssertSummaryEqualsStraightCountAsync(app);

        await ChangeAsync(untouched.Id, i => i.Triage(IssueLevel.Partnership, "Partnership work", new Assignment(manager, "Manager"), manager, now, 30));
        await ChangeAsync(level2.Id, i => i.StepUp(IssueLevel.MultiAgency, "Needs the police", w.PoliceLead, manager, now, 90));
        await ChangeAsync(level3.Id, i => i.StepDown(IssueLevel.Partnership, "Police done", new Assignment(manager, "Manager"), manager, now, 30));
        await ChangeAsync(secret.Id, i => i.SetConfidential(false, manager, now));
        await ChangeAsync(inB.Id, i => i.SetConfidential(true, manager, now));
        await ChangeAsync(level3.Id, i => i.Start(manager, now));
        await ChangeAsync(level1.Id, i => i.ConfirmReferralDone("Cleared", manager, now));
        await ChangeAsync(resolved.Id, i => i.Reopen("Back again", manager, now));
        await ChangeAsync(level2.Id, i => i.Resolve("Sorted", manager, now));
        await ChangeAsync(level2.Id, i => i.Close(manager, now));
        await ChangeAsync(secret.Id, i => i.Withdraw("Raised in error", null, manager, now));

        await IssueCountChecks.AssertSummaryEqualsStraightCountAsync(app);
    }

    [Fact]
    public async Task A_save_refused_as_a_conflict_moves_no_count()
    {
        var w = await IssueWorld.CreateAsync(app);
        var issue = await w.IssueAsync(app, w.AtLevel2);
        var before = await IssueCountChecks.SummaryAsync(app);

        var refused = await app.WithDbAsync(async db =>
        {
            var stored = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            db.Entry(stored).Property(i => i.Version).OriginalValue = Guid.NewGuid();
            stored.Resolve("Sorted", w.AreaManagerA.Id, DateTime.UtcNow);
            try
            {
                await db.SaveChangesAsync();
                return false;
            }
            catch (DbUpdateConcurrencyException)
            {
                return true;
            }
        });

        Assert.True(refused);
        Assert.Equal(before, await IssueCountChecks.SummaryAsync(app));
        await IssueCountChecks.AssertSummaryEqualsStraightCountAsync(app);
    }

    public static TheoryData<string, string> RolesAndFilters() => new()
    {
        { Roles.PartnershipManager, "" },
        { Roles.PartnershipManager, "OpenOnly=true" },
        { Roles.PartnershipManager, "Level=2&Status=Triaged" },
        { Roles.PartnershipManager, "Level=none" },
        { Roles.AreaManager, "" },
        { Roles.AreaManager, "AreaId={areaA}&OpenOnly=true" },
        { Roles.AreaManager, "AreaId={areaB}" },
        { Roles.SupportOfficer, "WardId={wardA1}" },
        { Roles.Councillor, "" },
        { Roles.Councillor, "Status=New" },
        { Roles.PartnerUser, "" },
        { Roles.PartnerUser, "Level=3" },
    };

    /// <summary>The total above the list (from the summary where it can, counted otherwise) is the number of rows behind it.</summary>
    [Theory]
    [MemberData(nameof(RolesAndFilters))]
    public async Task The_list_total_is_the_number_of_issues_the_export_lists(string role, string filter)
    {
        var w = await IssueWorld.CreateAsync(app);
        await w.IssueAsync(app);
        await w.IssueAsync(app, confidential: true);
        await w.IssueAsync(app, w.AtLevel1);
        await w.IssueAsync(app, w.AtLevel2, confidential: true);
        await w.IssueAsync(app, w.AtLevel3);
        await w.IssueAsync(app, w.AtLevel3, wardId: w.WardA2);
        await w.IssueAsync(app, w.Resolved);
        await w.IssueAsync(app, wardId: w.WardB1);
        await w.IssueAsync(app, w.AtLevel3, wardId: w.WardB1);
        var user = role switch
        {
            Roles.PartnershipManager => w.PartnershipManager,
            Roles.AreaManager => w.AreaManagerA,
            Roles.SupportOfficer => w.SupportOfficerA,
            Roles.Councillor => w.CouncillorA1,
            _ => w.PoliceUser,
        };
        var query = "?" + filter.Replace("{areaA}", IssueWorld.Id(w.AreaA), StringComparison.Ordinal)
            .Replace("{areaB}", IssueWorld.Id(w.AreaB), StringComparison.Ordinal)
            .Replace("{wardA1}", IssueWorld.Id(w.WardA1), StringComparison.Ordinal);
        var client = app.ClientFor(user.Id);

        var page = await client.GetDocumentAsync($"/issues{query}");
        var exported = (await IssuePages.ExportAsync(client, query)).Count - 1;

        var caption = page.QuerySelector("[data-testid=issues] caption")?.TextContent.Trim() ?? "0 issues";
        Assert.Equal($"{exported:N0} {(exported == 1 ? "issue" : "issues")}", caption);
    }

    private async Task ChangeAsync(int issueId, Action<Issue> change) =>
        await app.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == issueId);
            change(issue);
            await db.SaveChangesAsync();
        });
}
