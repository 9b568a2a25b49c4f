using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Notifications;
using AreaPartnerships.Domain.Organisations;
using AreaPartnerships.IntegrationTests.Issues;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Notifications.ContentWorld;

namespace AreaPartnerships.IntegrationTests.Notifications;

/// <summary>Who is told what when an issue is assigned, referred or changes status, driven through the pages and the dispatcher.</summary>
public sealed class ContentIssueTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateOnly InAWeek => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);

    private static Task<HttpResponseMessage> TriageAtLevel2Async(HttpClient client, string reference, int ownerId) =>
        IssueWorld.PostWithVersionAsync(client, $"/issues/{reference}/triage",
            [new("Level", "Partnership"), new("Reason", "Needs the partnership"), new("OwnerId", Id(ownerId))]);

    private static Task<HttpResponseMessage> TriageAtLevel1Async(HttpClient client, string reference, int organisationId) =>
        IssueWorld.PostWithVersionAsync(client, $"/issues/{reference}/triage",
        [
            new("Level", "FrontLine"), new("Reason", "A simple clearance"), new("ReferredOrganisationId", Id(organisationId)),
            new("FollowUpDay", Id(InAWeek.Day)), new("FollowUpMonth", Id(InAWeek.Month)), new("FollowUpYear", Id(InAWeek.Year)),
        ]);

    [Fact]
    public async Task Triage_tells_the_new_owner_and_the_councillor_who_raised_it_but_not_the_manager_who_did_it()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.CouncillorA1.Id, title: "Burnt-out car on Pleck Road");
        var mark = await MarkAsync(app);

        var response = await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var messages = await SentSinceAsync(app, mark);
        Assert.Equal(2, messages.Count);
        var owner = To(messages, people.PoliceUser);
        Assert.Equal($"{issue.Reference} has been assigned to you", owner.Subject);
        Assert.Contains($"Dear {people.PoliceUser.DisplayName},", owner.Body, StringComparison.Ordinal);
        Assert.Contains("“Burnt-out car on Pleck Road”", owner.Body, StringComparison.Ordinal);
        Assert.Contains("at Level 2", owner.Body, StringComparison.Ordinal);
        Assert.Contains(Link($"/issues/{issue.Reference}"), owner.Body, StringComparison.Ordinal);
        Assert.EndsWith(MailSettings.Defaults().Footer, owner.Body, StringComparison.Ordinal);
        Assert.Equal((people.PoliceUser.Id, (string?)null), (owner.RecipientUserId, owner.Attachment));

        var raiser = To(messages, people.CouncillorA1);
        Assert.Equal($"{issue.Reference} is now Triaged", raiser.Subject);
        Assert.DoesNotContain(messages, m => m.ToAddress == people.AreaManagerA.Email);
    }

    [Fact]
    public async Task A_councillor_is_told_when_an_issue_they_raised_moves_on()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.CouncillorA1.Id, then: people.AtLevel2);
        var mark = await MarkAsync(app);

        var response = await IssueWorld.PostWithVersionAsync(app.ClientFor(people.AreaManagerA.Id), $"/issues/{issue.Reference}/status", [new("Action", "Start")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((people.CouncillorA1.Email, $"{issue.Reference} is now In progress"), (message.ToAddress, message.Subject));
        Assert.Contains("which you raised in", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_1_referral_goes_to_each_active_person_of_the_service_when_its_contact_is_not_an_email_address()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var disabled = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: people.Cleansing.Id);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == disabled.Id)).IsDisabled = true;
            await db.SaveChangesAsync();
        });
        var issue = await people.IssueAsync(app);
        var mark = await MarkAsync(app);

        var response = await TriageAtLevel1Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.Cleansing.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal((people.CleansingUser.Email, $"Referral {issue.Reference} for {people.Cleansing.Name}"), (message.ToAddress, message.Subject));
        Assert.Contains($"It will be followed up on {UkFormat.Date(InAWeek)}.", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_1_referral_goes_only_to_the_service_contact_address_when_that_is_an_email_address()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        await app.WithDbAsync(async db =>
        {
            var cleansing = await db.Organisations.SingleAsync(o => o.Id == people.Cleansing.Id);
            cleansing.Update(cleansing.Name, OrganisationKind.CouncilService, true, " cleansing@walsall.example.gov.uk ", true);
            await db.SaveChangesAsync();
        });
        var issue = await people.IssueAsync(app);
        var mark = await MarkAsync(app);

        await TriageAtLevel1Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.Cleansing.Id);

        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal(("cleansing@walsall.example.gov.uk", people.Cleansing.Name, (int?)null), (message.ToAddress, message.ToName, message.RecipientUserId));
        Assert.Contains($"Dear {people.Cleansing.Name},", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_issue_is_named_only_in_a_neutral_email_whose_link_opens_it_for_those_who_may_see_it()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.AreaManagerA.Id, confidential: true, title: "Threats at 4 Elm Close");
        await IssueWorld.RecordAgreementAsync(app, people.PoliceUser.Id, people.AreaManagerA.Id);
        var mark = await MarkAsync(app);

        await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        var message = To(await SentSinceAsync(app, mark), people.PoliceUser);
        Assert.Equal($"An issue in {world.AreaAName} needs your attention", message.Subject);
        foreach (var secret in new[] { "Threats at 4 Elm Close", "Elm Close", issue.Reference, "Something needs doing" })
        {
            Assert.DoesNotContain(secret, message.Subject + message.Body, StringComparison.Ordinal);
        }

        var path = $"/notifications/{message.NotificationId}";
        Assert.Contains(Link(path), message.Body, StringComparison.Ordinal);
        var opened = await app.ClientFor(people.PoliceUser.Id).GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/issues/{issue.Reference}", opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(people.CleansingUser.Id).GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_partner_without_a_confidentiality_agreement_is_not_told_of_a_confidential_issue_given_to_them()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.AreaManagerA.Id, confidential: true);
        var mark = await MarkAsync(app);

        await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        Assert.Empty(await SentSinceAsync(app, mark));
        var skipped = Assert.Single(await NotificationsSinceAsync(app, mark));
        Assert.Equal((NotificationState.Skipped, "They may not see the record now"), (skipped.State, skipped.Outcome));
    }

    [Fact]
    public async Task A_councillor_hears_nothing_of_a_confidential_issue_even_one_they_raised()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.CouncillorA1.Id, confidential: true);
        var mark = await MarkAsync(app);

        await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        var messages = await SentSinceAsync(app, mark);
        Assert.DoesNotContain(messages, m => m.ToAddress == people.CouncillorA1.Email);
        var skipped = Assert.Single(await NotificationsSinceAsync(app, mark), n => n.RecipientUserId == people.CouncillorA1.Id);
        Assert.Equal((NotificationKind.RaisedIssueStatusChanged, NotificationState.Skipped, "A councillor is never told about a confidential issue"),
            (skipped.Kind, skipped.State, skipped.Outcome));
    }

    [Fact]
    public async Task A_disabled_owner_or_one_without_a_valid_address_is_not_emailed_and_the_reason_is_kept()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var disabled = await world.UserAsync(app, Roles.SupportOfficer, disabled: true);
        var issue = await people.IssueAsync(app);
        var mark = await MarkAsync(app);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            stored.Triage(Domain.Issues.IssueLevel.Partnership, "Needs the partnership", new Domain.Issues.Assignment(disabled.Id, disabled.DisplayName),
                people.AreaManagerA.Id, DateTime.UtcNow, 30);
            await db.SaveChangesAsync();
        });

        Assert.Empty(await SentSinceAsync(app, mark));
        var notification = Assert.Single(await NotificationsSinceAsync(app, mark));
        Assert.Equal((NotificationState.Skipped, "The account is disabled"), (notification.State, notification.Outcome));
    }

    [Fact]
    public async Task Running_the_dispatcher_again_sends_nothing_twice()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var issue = await people.IssueAsync(app);
        var mark = await MarkAsync(app);
        await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal(0, await DispatchAsync(app));
        Assert.Single(await SentSinceAsync(app, mark));
        var notification = Assert.Single(await NotificationsSinceAsync(app, mark));
        Assert.Equal(NotificationState.Emailed, notification.State);
        Assert.NotNull(notification.ProcessedAt);
    }

    [Fact]
    public async Task A_person_who_chose_the_digest_is_left_for_it_while_the_owner_is_emailed_at_once()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        await SetPreferenceAsync(app, people.CouncillorA1.Id, NotificationKind.RaisedIssueStatusChanged, Delivery.InDailyDigest);
        var issue = await app.Data.CreateIssueAsync(people.WardA1, people.CouncillorA1.Id);
        var mark = await MarkAsync(app);

        await TriageAtLevel2Async(app.ClientFor(people.AreaManagerA.Id), issue.Reference, people.PoliceUser.Id);

        var message = Assert.Single(await SentSinceAsync(app, mark));
        Assert.Equal(people.PoliceUser.Email, message.ToAddress);
        var waiting = Assert.Single(await NotificationsSinceAsync(app, mark), n => n.RecipientUserId == people.CouncillorA1.Id);
        Assert.Equal(NotificationState.AwaitingDigest, waiting.State);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_write_each_email_once()
    {
        var world = await CreateAsync(app);
        var people = world.People;
        var mark = await MarkAsync(app);
        for (var i = 0; i < 6; i++)
        {
            await people.IssueAsync(app, people.AtLevel3);
        }

        var counts = await Task.WhenAll(DispatchAsync(app), DispatchAsync(app));
        counts = [.. counts, await DispatchAsync(app)];

        var messages = await SentSinceAsync(app, mark);
        Assert.Equal(6, messages.Count);
        Assert.Equal(6, counts.Sum());
        Assert.Equal(6, messages.Select(m => m.NotificationId).Distinct().Count());
        Assert.All(await NotificationsSinceAsync(app, mark), n => Assert.Equal(NotificationState.Emailed, n.State));
    }
}
