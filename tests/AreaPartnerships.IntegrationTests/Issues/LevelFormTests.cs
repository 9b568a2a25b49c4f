using AreaPartnerships.Domain.Issues;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Issue 9: the triage and step forms show only the chosen level's fields (9/12), a field not posted never
/// changes what is stored (9), and the issue's rules link their messages to the posted field (error keys).
/// </summary>
public sealed class LevelFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_step_up_from_level_2_offers_levels_3_and_4_only_each_revealing_its_own_fields()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);

        var page = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{issue.Reference}/step-up");

        var radios = page.QuerySelectorAll("input[name=Level]").ToList();
        Assert.Equal(["MultiAgency", "Borough"], radios.Select(r => r.GetAttribute("value")));
        var form = page.QuerySelector("input[name=Level]")!.Closest("form")!.TextContent;
        Assert.DoesNotContain("Level 1", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Level 2", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Task group", form, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select[name=ReferredOrganisationId]"));
        Assert.Null(page.QuerySelector("input[name=FollowUpDay]"));
        Assert.Null(page.QuerySelector("select[name=OwnerId]"));
        Assert.Null(page.QuerySelector("select[name=TaskGroupId]"));

        // Each radio controls the block of its own fields (GOV.UK conditional reveal), hidden until chosen.
        foreach (var (radio, fields) in radios.Zip(new[] { new[] { "LeadOrganisationId", "LeadOwnerId" }, ["BoroughOwnerId"] }))
        {
            var controls = radio.GetAttribute("data-aria-controls")!;
            var reveal = page.GetElementById(controls)!;
            Assert.Contains("govuk-radios__conditional--hidden", reveal.ClassList);
            Assert.Equal(fields, reveal.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
            Assert.Equal(radio.ParentElement!.NextElementSibling, reveal);
        }

        Assert.Equal(["Select the partnership manager", world.PartnershipManager.DisplayName],
            page.QuerySelectorAll("select[name=BoroughOwnerId] option").Select(o => o.TextContent.Trim()).Where(t => t is "Select the partnership manager" || t == world.PartnershipManager.DisplayName));
    }

    [Fact]
    public async Task The_chosen_levels_fields_stay_revealed_after_an_error()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);

        var response = await PostWithVersionAsync(app.ClientFor(world.AreaManagerA.Id), $"/issues/{issue.Reference}/step-up",
            [new("Level", "MultiAgency"), new("Reason", "Weapons"), new("LeadOwnerId", Id(world.PoliceUser.Id))]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var chosen = page.QuerySelector("input[name=Level][value=MultiAgency]")!;
        Assert.DoesNotContain("govuk-radios__conditional--hidden", page.GetElementById(chosen.GetAttribute("data-aria-controls")!)!.ClassList);
    }

    [Fact]
    public async Task Without_javascript_the_fields_posted_for_other_levels_are_ignored()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var followUp = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);

        // A browser without JavaScript posts every level's fields: only Level 3's count.
        var response = await PostWithVersionAsync(app.ClientFor(world.AreaManagerA.Id), $"/issues/{issue.Reference}/triage",
        [
            new("Level", "MultiAgency"), new("Reason", "Police to lead"),
            new("ReferredOrganisationId", Id(world.Cleansing.Id)), new("FollowUpDay", Id(followUp.Day)), new("FollowUpMonth", Id(followUp.Month)), new("FollowUpYear", Id(followUp.Year)),
            new("OwnerId", Id(world.AreaManagerA.Id)), new("TaskGroupId", ""),
            new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id)),
            new("BoroughOwnerId", Id(world.PartnershipManager.Id)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(app, issue.Id);
        Assert.Equal((IssueLevel.MultiAgency, world.PoliceUser.Id, world.Police.Id), (stored.Level!.Value, stored.OwnerId!.Value, stored.LeadOrganisationId!.Value));
        Assert.Equal(((int?)null, (DateOnly?)null, (int?)null), (stored.ReferredOrganisationId, stored.FollowUpOn, stored.TaskGroupId));
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("step-up")]
    public async Task A_post_without_the_confidential_field_leaves_a_confidential_issue_confidential(string move)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, move == "triage" ? null : world.AtLevel2, confidential: true);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/{move}",
            [new("Level", "MultiAgency"), new("Reason", "Police to lead"), new("LeadOrganisationId", Id(world.Police.Id)), new("LeadOwnerId", Id(world.PoliceUser.Id))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await StoredAsync(app, issue.Id)).IsConfidential);
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Field == "Confidential");
    }

    [Fact]
    public async Task Making_an_issue_not_confidential_is_explicit_and_on_the_timeline()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2, confidential: true);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var form = await client.GetDocumentAsync($"/issues/{issue.Reference}/step-up");
        Assert.NotNull(form.QuerySelector("input[name=IsConfidential][value=true][checked]"));

        var response = await PostWithVersionAsync(client, $"/issues/{issue.Reference}/step-up",
            [new("Level", "Borough"), new("Reason", "Borough-wide"), new("BoroughOwnerId", Id(world.PartnershipManager.Id)), new("IsConfidential", "false")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await StoredAsync(app, issue.Id)).IsConfidential);
        var recorded = Assert.Single(await EventsAsync(app, issue.Id), e => e.Field == "Confidential");
        Assert.Equal(("No longer confidential", "Yes", "No", world.AreaManagerA.Id), (recorded.Summary, recorded.OldValue, recorded.NewValue, recorded.ActorId!.Value));
        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains(Timeline(page), t => t.Title.StartsWith("No longer confidential", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[], string, string> DomainErrors => new()
    {
        { "triage", ["Level=MultiAgency", "Reason=Police", "LeadOwnerId={police}"], "Select the lead organisation or service", "LeadOrganisationId" },
        { "triage", ["Level=MultiAgency", "Reason=Police", "LeadOrganisationId={policeOrg}"], "Select who owns the issue in the lead organisation", "LeadOwnerId" },
        { "triage", ["Level=Borough", "Reason=Borough", "BoroughOwnerId="], "Select who owns the issue: a Level 4 issue is owned by the partnership manager", "BoroughOwnerId" },
        { "triage", ["Level=Partnership", "Reason=Partnership"], "Select who owns the issue: the area manager or a named person in a lead partner", "OwnerId" },
        { "triage", ["Level=FrontLine", "Reason=Refer", "ReferredOrganisationId={cleansing}", "FollowUpDay=1", "FollowUpMonth=1", "FollowUpYear=2020"], "The follow-up date must be today or in the future", "FollowUpDay" },
        { "triage", ["Level=FrontLine", "Reason=Refer", "FollowUpDay=1", "FollowUpMonth=1", "FollowUpYear=2099"], "Select the front-line service the issue is referred to", "ReferredOrganisationId" },
    };

    [Theory]
    [MemberData(nameof(DomainErrors))]
    public async Task The_issues_own_rules_link_their_message_to_the_field_posted(string move, string[] fields, string message, string field)
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app);
        var posted = fields.Select(f => f.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]
            .Replace("{police}", Id(world.PoliceUser.Id), StringComparison.Ordinal)
            .Replace("{policeOrg}", Id(world.Police.Id), StringComparison.Ordinal)
            .Replace("{cleansing}", Id(world.Cleansing.Id), StringComparison.Ordinal)));

        var response = await PostWithVersionAsync(app.ClientFor(world.AreaManagerA.Id), $"/issues/{issue.Reference}/{move}", posted);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal((message, $"#{field}"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.NotNull(page.GetElementById(field));
    }

    [Fact]
    public async Task A_lifecycle_rule_on_the_status_page_links_to_what_to_do()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel1);

        // A Level 1 referral is resolved by recording the service's confirmation, not by "Resolve".
        var response = await PostWithVersionAsync(app.ClientFor(world.AreaManagerA.Id), $"/issues/{issue.Reference}/status", [new("Action", "Resolve"), new("Text", "Done")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal("#Action", link.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("Action"));
    }
}
