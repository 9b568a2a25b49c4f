using System.Globalization;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;

namespace AreaPartnerships.IntegrationTests.Admin;

public sealed class LevelTargetsAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Non_administrators_are_refused_the_response_targets(string role)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var organisation = await app.Data.CreateOrganisationAsync();
        var client = app.ClientFor((await app.Data.CreateUserAsync(role, areaIds: [area.Id], wardIds: [ward.Id], organisationId: organisation.Id)).Id);
        var before = await TargetDaysAsync(IssueLevel.Borough);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/level-targets", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/level-targets/4/edit", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/", [new("TargetDays", "1"), new("Version", Guid.NewGuid().ToString())], "/admin/level-targets/4/edit");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, await TargetDaysAsync(IssueLevel.Borough));
    }

    [Fact]
    public async Task Administrator_sees_a_target_for_each_level()
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var page = await client.GetDocumentAsync("/admin/level-targets");

        var rows = page.QuerySelectorAll("[data-testid=level-targets] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["Level 1", "Level 2", "Level 3", "Level 4"], rows);
    }

    [Fact]
    public async Task A_changed_target_sets_the_due_date_of_the_next_issue_triaged_at_that_level()
    {
        var adminClient = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var url = "/admin/level-targets/2/edit";
        var version = (await adminClient.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var saved = await adminClient.PostFormAsync(url, [new("TargetDays", "21"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await adminClient.GetDocumentAsync("/admin/level-targets");
        Assert.Contains("Level 2 target set to 21 days", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(21, await TargetDaysAsync(IssueLevel.Partnership));

        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);
        var issue = await app.Data.CreateIssueAsync(ward.Id, manager.Id);
        var triage = await app.ClientFor(manager.Id).PostFormAsync($"/issues/{issue.Reference}/triage",
        [
            new("Level", nameof(IssueLevel.Partnership)), new("Reason", "Needs the partnership"), new("OwnerId", Id(manager.Id)),
            new("Version", issue.Version.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, triage.StatusCode);
        var due = await app.WithDbAsync(db => db.Issues.Where(i => i.Id == issue.Id).Select(i => i.TargetDate).SingleAsync());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21), due);
    }

    [Theory]
    [InlineData("", "Enter the target in days, for example 28")]
    [InlineData("0", "The target must be between 1 and 730 days")]
    [InlineData("1000", "The target must be between 1 and 730 days")]
    [InlineData("three weeks", "Enter a valid value for the target in days")]
    public async Task Bad_targets_are_refused_with_a_message_and_what_was_typed_kept(string typed, string message)
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var url = "/admin/level-targets/3/edit";
        var before = await TargetDaysAsync(IssueLevel.MultiAgency);
        var version = (await client.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var response = await client.PostFormAsync(url, [new("TargetDays", typed), new("Version", version)]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.Equal(typed, page.QuerySelector("input[name=TargetDays]")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await TargetDaysAsync(IssueLevel.MultiAgency));
    }

    [Fact]
    public async Task Second_of_two_concurrent_changes_is_refused_and_the_first_kept()
    {
        var adminId = (await app.Data.CreateUserAsync(Roles.Administrator)).Id;
        var first = app.ClientFor(adminId);
        var second = app.ClientFor(adminId);
        var url = "/admin/level-targets/1/edit";
        var version = (await second.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, [new("TargetDays", "5"), new("Version", version)])).StatusCode);
        var refused = await second.PostFormAsync(url, [new("TargetDays", "9"), new("Version", version)]);
        var page = await Html.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(page), e => e.Contains("Someone else changed this target", StringComparison.Ordinal) && e.Contains("5 days", StringComparison.Ordinal));
        Assert.Equal("9", page.QuerySelector("input[name=TargetDays]")!.GetAttribute("value"));
        Assert.Equal(5, await TargetDaysAsync(IssueLevel.FrontLine));
    }

    [Fact]
    public async Task A_level_that_does_not_exist_is_not_found()
    {
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/level-targets/9/edit", UriKind.Relative))).StatusCode);
        var posted = await client.PostFormAsync("/admin/level-targets", [new("TargetDays", "10"), new("Version", Guid.NewGuid().ToString())], "/admin/level-targets/9/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    private Task<int> TargetDaysAsync(IssueLevel level) =>
        app.WithDbAsync(db => db.LevelTargets.Where(t => t.Level == level).Select(t => t.TargetDays).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
