using System.Collections.Concurrent;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>
/// Who sees which issue (IssueAccess.cs), proven through every way in: the issue page, the list, the CSV
/// export and the timeline. Each scene's issues carry a fresh token in their titles and every list or export
/// is filtered on it (?Q=token), so issues from other tests in the shared database never interfere.
/// </summary>
public sealed class IssueAccessTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Partnership_manager_sees_every_issue_in_every_area_including_confidential_ones()
    {
        var scene = await Scene.CreateAsync(app);

        await AssertSeesOnlyAsync(scene.ClientFor(scene.World.PartnershipManager), scene,
            visible: [scene.OpenA1, scene.ConfidentialA1, scene.OpenA2, scene.OpenB1, scene.PoliceLed, scene.ConfidentialPoliceLed, scene.ReferredToCleansing],
            hidden: []);
    }

    [Theory]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.SupportOfficer)]
    public async Task Area_officers_see_every_issue_in_their_areas_and_none_in_other_areas(string role)
    {
        var scene = await Scene.CreateAsync(app);
        var officer = role == Roles.AreaManager ? scene.World.AreaManagerA : scene.World.SupportOfficerA;

        await AssertSeesOnlyAsync(scene.ClientFor(officer), scene,
            visible: [scene.OpenA1, scene.ConfidentialA1, scene.OpenA2, scene.PoliceLed, scene.ConfidentialPoliceLed, scene.ReferredToCleansing],
            hidden: [scene.OpenB1]);
    }

    [Fact]
    public async Task Area_manager_of_another_area_sees_only_that_areas_issues()
    {
        var scene = await Scene.CreateAsync(app);

        await AssertSeesOnlyAsync(scene.ClientFor(scene.World.AreaManagerB), scene,
            visible: [scene.OpenB1],
            hidden: [scene.OpenA1, scene.ConfidentialA1, scene.OpenA2, scene.PoliceLed, scene.ConfidentialPoliceLed, scene.ReferredToCleansing]);
    }

    [Fact]
    public async Task Councillor_sees_open_issues_in_their_own_ward_only()
    {
        var scene = await Scene.CreateAsync(app);

        await AssertSeesOnlyAsync(scene.ClientFor(scene.World.CouncillorA1), scene,
            visible: [scene.OpenA1, scene.PoliceLed, scene.ReferredToCleansing],
            hidden: [scene.ConfidentialA1, scene.ConfidentialPoliceLed, scene.OpenA2, scene.OpenB1]);
    }

    [Fact]
    public async Task Councillor_cannot_open_confidential_issue_in_their_own_ward()
    {
        var scene = await Scene.CreateAsync(app);
        var councillor = scene.ClientFor(scene.World.CouncillorA1);

        Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(councillor, $"/issues/{scene.ConfidentialA1.Reference}"));
        Assert.DoesNotContain(scene.ConfidentialA1.Reference, await IssuePages.ListedAsync(councillor, $"?WardId={scene.World.WardA1}&Q={scene.Token}"));
        Assert.DoesNotContain(scene.ConfidentialA1.Reference, await IssuePages.ExportedAsync(councillor, $"?WardId={scene.World.WardA1}&Q={scene.Token}"));
        Assert.DoesNotContain(scene.ConfidentialA1.Reference, await IssuePages.ListedAsync(councillor, $"?Q={scene.ConfidentialA1.Reference}"));
    }

    [Fact]
    public async Task Partner_sees_issues_their_organisation_leads_or_is_referred_and_nothing_else()
    {
        var scene = await Scene.CreateAsync(app);

        await AssertSeesOnlyAsync(scene.ClientFor(scene.World.PoliceUser), scene,
            visible: [scene.PoliceLed],
            hidden: [scene.ConfidentialPoliceLed, scene.OpenA1, scene.ConfidentialA1, scene.OpenA2, scene.OpenB1, scene.ReferredToCleansing]);
        await AssertSeesOnlyAsync(scene.ClientFor(scene.World.CleansingUser), scene,
            visible: [scene.ReferredToCleansing],
            hidden: [scene.PoliceLed, scene.ConfidentialPoliceLed, scene.OpenA1, scene.ConfidentialA1, scene.OpenA2, scene.OpenB1]);
    }

    [Fact]
    public async Task Partner_sees_confidential_issues_of_their_organisation_only_once_their_agreement_is_recorded()
    {
        var scene = await Scene.CreateAsync(app);
        var police = scene.ClientFor(scene.World.PoliceUser);
        Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(police, $"/issues/{scene.ConfidentialPoliceLed.Reference}"));

        await IssueWorld.RecordAgreementAsync(app, scene.World.PoliceUser.Id, scene.World.PartnershipManager.Id);

        await AssertSeesOnlyAsync(police, scene,
            visible: [scene.PoliceLed, scene.ConfidentialPoliceLed],
            hidden: [scene.ConfidentialA1, scene.OpenA1, scene.OpenA2, scene.OpenB1, scene.ReferredToCleansing]);
    }

    [Fact]
    public async Task Partner_sees_issues_of_a_task_group_their_organisation_is_a_member_of()
    {
        var world = await IssueWorld.CreateAsync(app);
        var housing = await app.Data.CreateOrganisationAsync(kind: Domain.Organisations.OrganisationKind.Housing);
        var member = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: housing.Id);
        var colleague = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: housing.Id);
        var fire = await app.Data.CreateOrganisationAsync(kind: Domain.Organisations.OrganisationKind.FireAndRescue);
        var outsider = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: fire.Id);
        var group = await IssueWorld.CreateTaskGroupAsync(app, world.AreaA, world.PoliceUser, world.PoliceUser, member);
        var token = Token();
        var linked = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, title: $"{token} task group issue", then: issue =>
            issue.Triage(IssueLevel.Partnership, "Needs a task group", new Assignment(world.AreaManagerA.Id, world.AreaManagerA.DisplayName, TaskGroupId: group.Id, TaskGroupName: group.Name),
                world.AreaManagerA.Id, DateTime.UtcNow, 30));
        var unlinked = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, title: $"{token} other issue");

        foreach (var partner in new[] { member, colleague })
        {
            var client = app.ClientFor(partner.Id);
            Assert.Equal(HttpStatusCode.OK, await IssuePages.StatusOfAsync(client, $"/issues/{linked.Reference}"));
            Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(client, $"/issues/{unlinked.Reference}"));
            Assert.Equal([linked.Reference], await IssuePages.ListedAsync(client, $"?Q={token}"));
            Assert.Equal([linked.Reference], await IssuePages.ExportedAsync(client, $"?Q={token}"));
        }

        var stranger = app.ClientFor(outsider.Id);
        Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(stranger, $"/issues/{linked.Reference}"));
        Assert.Empty(await IssuePages.ListedAsync(stranger, $"?Q={token}"));
        Assert.Empty(await IssuePages.ExportedAsync(stranger, $"?Q={token}"));
    }

    [Theory]
    [InlineData("/issues")]
    [InlineData("/issues/export")]
    [InlineData("/issues/triage")]
    [InlineData("/issues/new")]
    [InlineData("/issues/{0}")]
    [InlineData("/issues/{0}/status")]
    [InlineData("/issues/{0}/triage")]
    public async Task Administrator_is_refused_the_casework_pages(string url)
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);
        var issue = await app.Data.CreateIssueAsync(ward.Id, manager.Id);
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        Assert.Equal(HttpStatusCode.Forbidden, await IssuePages.StatusOfAsync(admin, string.Format(System.Globalization.CultureInfo.InvariantCulture, url, issue.Reference)));
    }

    [Fact]
    public async Task Administrator_cannot_add_a_note_to_an_issue()
    {
        var area = await app.Data.CreateAreaAsync();
        var ward = await app.Data.CreateWardAsync(area.Id);
        var manager = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [area.Id]);
        var issue = await app.Data.CreateIssueAsync(ward.Id, manager.Id);
        var admin = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);

        var response = await admin.PostFormAsync("/", [new("Text", "Admin was here"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await EventCountAsync(issue.Id));
    }

    public static TheoryData<string> Outsiders =>
    [
        "area manager of another area",
        "support officer of another area",
        "councillor of another ward",
        "councillor, confidential issue in their own ward",
        "partner not involved",
        "partner without agreement, confidential issue their organisation leads",
    ];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Guessing_the_reference_of_an_issue_you_may_not_see_is_not_found_and_changes_nothing(string who)
    {
        var scene = await Scene.CreateAsync(app);
        var w = scene.World;
        var (person, issue) = who switch
        {
            "area manager of another area" => (w.AreaManagerB, scene.OpenA1),
            "support officer of another area" => (w.SupportOfficerA, scene.OpenB1),
            "councillor of another ward" => (w.CouncillorA1, scene.OpenA2),
            "councillor, confidential issue in their own ward" => (w.CouncillorA1, scene.ConfidentialA1),
            "partner not involved" => (w.CleansingUser, scene.OpenA1),
            _ => (w.PoliceUser, scene.ConfidentialPoliceLed),
        };
        var client = scene.ClientFor(person);
        var before = await SnapshotAsync(issue.Id);

        foreach (var url in new[] { "", "/triage", "/status", "/step-up", "/step-down" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(client, $"/issues/{issue.Reference}{url}"));
        }

        var version = before.Version.ToString();
        var note = await client.PostFormAsync("/", [new("Text", "Guessed my way in"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");
        var emptyNote = await client.PostFormAsync("/", [new("Text", ""), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");
        var triage = await client.PostFormAsync("/",
            [new("Level", "2"), new("Reason", "Mine now"), new("OwnerId", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Version", version)],
            $"/issues/{issue.Reference}/triage");
        var withdraw = await client.PostFormAsync("/", [new("Action", "Withdraw"), new("Text", "Not needed"), new("Version", version)], $"/issues/{issue.Reference}/status");
        var start = await client.PostFormAsync("/", [new("Action", "Start"), new("Version", version)], $"/issues/{issue.Reference}/status");

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { note.StatusCode, emptyNote.StatusCode, triage.StatusCode, withdraw.StatusCode, start.StatusCode });
        Assert.Equal(before, await SnapshotAsync(issue.Id));
    }

    [Fact]
    public async Task Reference_that_does_not_exist_is_not_found_the_same_way_as_one_you_may_not_see()
    {
        var scene = await Scene.CreateAsync(app);
        var councillor = scene.ClientFor(scene.World.CouncillorA1);

        var hidden = await councillor.GetAsync(new Uri($"/issues/{scene.OpenB1.Reference}", UriKind.Relative));
        var missing = await councillor.GetAsync(new Uri("/issues/AP-2099-99999", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hidden.StatusCode, missing.StatusCode));
        Assert.Equal(
            (await Html.ReadAsync(missing)).QuerySelector("h1")!.TextContent.Trim(),
            (await Html.ReadAsync(hidden)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_refused_look_up_is_logged_with_who_asked_and_the_reference()
    {
        var scene = await Scene.CreateAsync(app);
        var sink = new CapturingSink();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, scene.World.CouncillorA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(client, $"/issues/{scene.ConfidentialA1.Reference}"));

        var warning = Assert.Single(sink.Events, e => e.Level == LogEventLevel.Warning
            && e.Properties.TryGetValue("Reference", out var reference) && reference.ToString().Contains(scene.ConfidentialA1.Reference, StringComparison.Ordinal));
        Assert.Equal(scene.World.CouncillorA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Properties["UserId"].ToString());
        Assert.Contains(Roles.Councillor, warning.Properties["Role"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Councillor_sees_the_public_timeline_but_not_confidential_notes_or_the_residents_details()
    {
        var scene = await Scene.CreateAsync(app);
        var issue = scene.WithResidentAndNotes;

        var councillorPage = await scene.ClientFor(scene.World.CouncillorA1).GetDocumentAsync($"/issues/{issue.Reference}");
        var officerPage = await scene.ClientFor(scene.World.SupportOfficerA).GetDocumentAsync($"/issues/{issue.Reference}");

        var councillorTimeline = councillorPage.QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains(Scene.PublicNote, councillorTimeline, StringComparison.Ordinal);
        Assert.DoesNotContain(Scene.ConfidentialNote, councillorPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential note added", councillorTimeline, StringComparison.Ordinal);
        Assert.DoesNotContain(Scene.ResidentName, councillorPage.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Scene.ResidentContact, councillorPage.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, councillorPage.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Length);

        var officerTimeline = officerPage.QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains(Scene.PublicNote, officerTimeline, StringComparison.Ordinal);
        Assert.Contains(Scene.ConfidentialNote, officerTimeline, StringComparison.Ordinal);
        Assert.Contains(Scene.ResidentName, officerPage.QuerySelector("[data-testid=issue-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, officerPage.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Length);
    }

    [Fact]
    public async Task Partner_sees_confidential_notes_and_the_residents_details_only_once_their_agreement_is_recorded()
    {
        var scene = await Scene.CreateAsync(app);
        var issue = scene.PoliceLed;
        await AddNotesAsync(issue.Id, scene.World.AreaManagerA.Id, (Scene.PublicNote, Visibility.Everyone), (Scene.ConfidentialNote, Visibility.Confidential));
        var police = scene.ClientFor(scene.World.PoliceUser);

        var before = await police.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains(Scene.PublicNote, before.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Scene.ConfidentialNote, before.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Scene.ResidentName, before.Body.TextContent, StringComparison.Ordinal);

        await IssueWorld.RecordAgreementAsync(app, scene.World.PoliceUser.Id, scene.World.PartnershipManager.Id);

        var after = await police.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains(Scene.ConfidentialNote, after.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Scene.ResidentName, after.QuerySelector("[data-testid=issue-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Councillor_cannot_add_a_confidential_note()
    {
        var scene = await Scene.CreateAsync(app);
        var issue = scene.OpenA1;
        var councillor = scene.ClientFor(scene.World.CouncillorA1);
        var page = await councillor.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Null(page.QuerySelector("input[name=Visibility][value=Confidential]"));

        var forged = await councillor.PostFormAsync($"/issues/{issue.Reference}",
            [new("Text", "Between us officers"), new("Visibility", "Confidential")], $"/issues/{issue.Reference}/notes");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("You cannot add a confidential note", Html.ErrorSummary(await Html.ReadAsync(forged)));
        Assert.Equal(1, await EventCountAsync(issue.Id));
    }

    [Fact]
    public async Task Issue_page_reads_the_timeline_in_a_fixed_number_of_queries_however_long_it_is()
    {
        var world = await IssueWorld.CreateAsync(app);
        var shortOne = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, then: issue => AddNotes(issue, world.SupportOfficerA.Id, 2));
        var longOne = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, then: issue => AddNotes(issue, world.SupportOfficerA.Id, 39));
        var client = app.ClientFor(world.AreaManagerA.Id);
        await client.GetDocumentAsync($"/issues/{shortOne.Reference}");
        var signIn = await IssuePages.SignInCommandsAsync(app, client);

        app.Commands.Reset();
        var shortPage = await client.GetDocumentAsync($"/issues/{shortOne.Reference}");
        var forShort = app.Commands.Count;
        app.Commands.Reset();
        var longPage = await client.GetDocumentAsync($"/issues/{longOne.Reference}");
        var forLong = app.Commands.Count;

        Assert.Equal(3, shortPage.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Length);
        Assert.Equal(40, longPage.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Length);
        output.WriteLine($"GET /issues/{{reference}}: {forShort} commands for 3 events, {forLong} for 40; {signIn} of each are the test scheme signing in");
        Assert.Equal(forShort, forLong);

        // The page's own: the issue's summary, its timeline in one range seek, its duplicates and its related issues (a seek each),
        // and its "Costs and value" panel (IssueValue: quick wins, other costs, the estimate and, when there is one, its lines).
        Assert.InRange(forLong - signIn, 1, 8);
    }

    [Fact]
    public async Task Issue_page_shows_an_entry_made_on_the_hour()
    {
        var world = await IssueWorld.CreateAsync(app);
        var onTheHour = DateTime.UtcNow.Date.AddDays(-1).AddHours(10);
        var issue = await app.Data.CreateIssueAsync(world.WardA1, world.AreaManagerA.Id, then: i => i.AddNote("On the hour", Visibility.Everyone, world.AreaManagerA.Id, onTheHour));

        var page = await app.ClientFor(world.AreaManagerA.Id).GetDocumentAsync($"/issues/{issue.Reference}");

        Assert.Contains(page.QuerySelectorAll("[data-testid=timeline] time"), t => t.TextContent.EndsWith(" at 10am", StringComparison.Ordinal)
            || t.TextContent.EndsWith(" at 11am", StringComparison.Ordinal));
    }

    /// <summary>Notes a minute apart from 9:01 two days ago (never on the hour: see <see cref="Issue_page_shows_an_entry_made_on_the_hour"/>).</summary>
    private static void AddNotes(Issue issue, int actorId, int count)
    {
        var start = DateTime.UtcNow.Date.AddDays(-2).AddHours(9);
        for (var n = 1; n <= count; n++)
        {
            issue.AddNote($"Update {n}", Visibility.Everyone, actorId, start.AddMinutes(n));
        }
    }

    private async Task AddNotesAsync(int issueId, int actorId, params (string Text, Visibility Visibility)[] notes) =>
        await app.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == issueId);
            foreach (var (text, visibility) in notes)
            {
                issue.AddNote(text, visibility, actorId, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        });

    /// <summary>Asserts through the page, the list and the export that the person sees exactly <paramref name="visible"/> of the scene.</summary>
    private static async Task AssertSeesOnlyAsync(HttpClient client, Scene scene, IReadOnlyList<Issue> visible, IReadOnlyList<Issue> hidden)
    {
        var expected = visible.Select(i => i.Reference).Order(StringComparer.Ordinal).ToList();
        var listed = await IssuePages.ListedAsync(client, $"?Q={scene.Token}");
        var exported = await IssuePages.ExportedAsync(client, $"?Q={scene.Token}");

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
        Assert.Equal(expected, exported.Order(StringComparer.Ordinal));
        foreach (var issue in visible)
        {
            Assert.Equal(HttpStatusCode.OK, await IssuePages.StatusOfAsync(client, $"/issues/{issue.Reference}"));
        }

        foreach (var issue in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, await IssuePages.StatusOfAsync(client, $"/issues/{issue.Reference}"));
        }
    }

    private Task<int> EventCountAsync(int issueId) => app.WithDbAsync(db => db.IssueEvents.CountAsync(e => e.IssueId == issueId));

    private sealed record Snapshot(IssueStatus Status, IssueLevel? Level, int? OwnerId, Guid Version, int Events);

    private Task<Snapshot> SnapshotAsync(int issueId) =>
        app.WithDbAsync(db => db.Issues.AsNoTracking().Where(i => i.Id == issueId)
            .Select(i => new Snapshot(i.Status, i.Level, i.OwnerId, i.Version, db.IssueEvents.Count(e => e.IssueId == i.Id)))
            .SingleAsync());

    private static string Token() => $"T{Guid.NewGuid():N}"[..12];

    /// <summary>One <see cref="IssueWorld"/> and an issue of each kind the access rules tell apart.</summary>
    private sealed class Scene
    {
        public const string PublicNote = "Bins collected on Tuesday";
        public const string ConfidentialNote = "Known to police: do not share";
        public const string ResidentName = "Ms Resident Example";
        public const string ResidentContact = "07700 900123";

        private AppFactory _app = null!;

        public IssueWorld World { get; private set; } = null!;

        public string Token { get; private set; } = null!;

        /// <summary>New, ward A1.</summary>
        public Issue OpenA1 { get; private set; } = null!;

        /// <summary>New and confidential, ward A1.</summary>
        public Issue ConfidentialA1 { get; private set; } = null!;

        public Issue OpenA2 { get; private set; } = null!;

        public Issue OpenB1 { get; private set; } = null!;

        /// <summary>Level 3 in ward A1, police the lead organisation, raised on behalf of a resident.</summary>
        public Issue PoliceLed { get; private set; } = null!;

        /// <summary>Level 3 in ward A2, police the lead organisation, confidential.</summary>
        public Issue ConfidentialPoliceLed { get; private set; } = null!;

        /// <summary>Level 1 in ward A1, referred to street cleansing.</summary>
        public Issue ReferredToCleansing { get; private set; } = null!;

        /// <summary>Ward A1, raised on behalf of a resident, with a public note and a confidential one (3 timeline entries).</summary>
        public Issue WithResidentAndNotes { get; private set; } = null!;

        public static async Task<Scene> CreateAsync(AppFactory app)
        {
            var world = await IssueWorld.CreateAsync(app);
            var scene = new Scene { _app = app, World = world, Token = IssueAccessTests.Token() };
            var raiser = world.AreaManagerA.Id;
            var triager = world.AreaManagerA.Id;
            var data = app.Data;
            scene.OpenA1 = await data.CreateIssueAsync(world.WardA1, raiser, title: scene.Title("open A1"));
            scene.ConfidentialA1 = await data.CreateIssueAsync(world.WardA1, raiser, confidential: true, title: scene.Title("confidential A1"));
            scene.OpenA2 = await data.CreateIssueAsync(world.WardA2, raiser, title: scene.Title("open A2"));
            scene.OpenB1 = await data.CreateIssueAsync(world.WardB1, world.AreaManagerB.Id, title: scene.Title("open B1"));
            scene.PoliceLed = await data.CreateIssueAsync(world.WardA1, raiser, title: scene.Title("police led"), then: issue =>
            {
                issue.OnBehalfOfName = ResidentName;
                issue.OnBehalfOfContact = ResidentContact;
                issue.Triage(IssueLevel.MultiAgency, "Police lead", world.PoliceLead, triager, DateTime.UtcNow, 90);
            });
            scene.ConfidentialPoliceLed = await data.CreateIssueAsync(world.WardA2, raiser, confidential: true, title: scene.Title("confidential police led"), then: issue =>
                issue.Triage(IssueLevel.MultiAgency, "Police lead", world.PoliceLead, triager, DateTime.UtcNow, 90));
            scene.ReferredToCleansing = await data.CreateIssueAsync(world.WardA1, raiser, title: scene.Title("referred"), then: issue =>
                issue.Triage(IssueLevel.FrontLine, "Front-line job", world.ReferToCleansing, triager, DateTime.UtcNow, 10));
            scene.WithResidentAndNotes = await data.CreateIssueAsync(world.WardA1, raiser, title: TestData.Unique("Resident issue"), then: issue =>
            {
                issue.OnBehalfOfName = ResidentName;
                issue.OnBehalfOfContact = ResidentContact;
                var earlier = DateTime.UtcNow.Date.AddDays(-1).AddHours(9);
                issue.AddNote(PublicNote, Visibility.Everyone, raiser, earlier.AddMinutes(20));
                issue.AddNote(ConfidentialNote, Visibility.Confidential, raiser, earlier.AddMinutes(21));
            });
            return scene;
        }

        public HttpClient ClientFor(ApplicationUser user) => _app.ClientFor(user.Id);

        private string Title(string what) => $"{Token} {what}";
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
