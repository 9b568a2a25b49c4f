using System.Runtime.CompilerServices;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.IntegrationTests.Issues;

namespace AreaPartnerships.IntegrationTests.Meetings;

/// <summary>
/// Who sees which meeting, on its page, in the list, in "My meetings" and as a calendar file. A confidential tasking meeting
/// in area A has invited the ward councillor (confirmed, by mistake), the police partner (no agreement) and the street
/// cleansing partner (agreement on record); a community meeting for ward A1 that is not confidential has invited no one;
/// area B has its own meeting. Those who may see a meeting but not its papers see its header only.
/// </summary>
public sealed class MeetingVisibilityTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ConditionalWeakTable<AppFactory, Task<Setup>> Setups = [];

    private sealed record Setup(MeetingWorld World, Meeting Confidential, Meeting Community, Meeting OtherArea, ApplicationUser CouncillorB, ApplicationUser HousingUser);

    private Task<Setup> SetupAsync() => Setups.GetValue(app, _ => CreateAsync());

    private async Task<Setup> CreateAsync()
    {
        var world = await MeetingWorld.CreateAsync(app);
        await IssueWorld.RecordAgreementAsync(app, world.People.CleansingUser.Id, world.People.AreaManagerA.Id);
        var councillorB = await app.Data.CreateUserAsync(Roles.Councillor, wardIds: [world.People.WardB1]);
        var housing = await app.Data.CreateUserAsync(Roles.PartnerUser, organisationId: (await app.Data.CreateOrganisationAsync(kind: Domain.Organisations.OrganisationKind.Housing)).Id);
        await IssueWorld.RecordAgreementAsync(app, housing.Id, world.People.AreaManagerA.Id);
        var confidential = await world.MeetingAsync(app, confidential: true, invite: [world.People.CouncillorA1, world.People.PoliceUser, world.People.CleansingUser]);
        var community = await world.MeetingAsync(app, type: MeetingType.Community, confidential: false, wardId: world.People.WardA1);
        var other = await world.MeetingAsync(app, areaId: world.AreaB);
        return new Setup(world, confidential, community, other, councillorB, housing);
    }

    public enum Who
    {
        PartnershipManager,
        AreaManagerA,
        SupportOfficerA,
        AreaManagerB,
        CouncillorA1,
        CouncillorB,
        PoliceNoAgreement,
        CleansingWithAgreement,
        HousingNotInvited,
    }

    /// <summary>Whether each person sees the confidential meeting, and its papers: (sees it, sees its papers).</summary>
    public static TheoryData<Who, bool, bool> ConfidentialMeeting() => new()
    {
        { Who.PartnershipManager, true, true },
        { Who.AreaManagerA, true, true },
        { Who.SupportOfficerA, true, true },
        { Who.AreaManagerB, false, false },
        { Who.CouncillorA1, true, false },
        { Who.CouncillorB, false, false },
        { Who.PoliceNoAgreement, true, false },
        { Who.CleansingWithAgreement, true, true },
        { Who.HousingNotInvited, false, false },
    };

    [Theory]
    [MemberData(nameof(ConfidentialMeeting))]
    public async Task The_confidential_meetings_page_calendar_list_and_my_meetings_follow_the_rule(Who who, bool seesMeeting, bool seesPapers)
    {
        var setup = await SetupAsync();
        var client = app.ClientFor(User(setup, who).Id);
        var id = setup.Confidential.Id;

        var page = await client.GetAsync(new Uri($"/meetings/{id}", UriKind.Relative));
        var calendar = await client.GetAsync(new Uri($"/meetings/{id}/calendar.ics", UriKind.Relative));
        var list = await client.GetDocumentAsync("/meetings");

        Assert.Equal(seesMeeting ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(seesMeeting ? HttpStatusCode.OK : HttpStatusCode.NotFound, calendar.StatusCode);
        Assert.Equal(seesMeeting, MeetingWorld.ListedIds(list).Contains(id));
        if (seesMeeting)
        {
            var document = await Html.ReadAsync(page);
            Assert.Equal(setup.Confidential.Title, MeetingWorld.Text(document.QuerySelector("[data-testid=meeting-title]")!.TextContent));
            var noPapers = document.QuerySelector("[data-testid=no-papers]");
            Assert.Equal(seesPapers, noPapers is null);
            if (!seesPapers)
            {
                Assert.Equal("You can see this meeting's time and place, but not its agenda, minutes or decisions, because it is confidential.", MeetingWorld.Text(noPapers!.TextContent));
                Assert.Null(document.QuerySelector("[data-testid=purpose]"));
            }
        }
    }

    [Theory]
    [InlineData(Who.CouncillorA1)]
    [InlineData(Who.PoliceNoAgreement)]
    [InlineData(Who.CleansingWithAgreement)]
    public async Task An_invited_person_finds_the_meeting_in_my_meetings_with_their_reply_and_calendar_file(Who who)
    {
        var setup = await SetupAsync();
        var client = app.ClientFor(User(setup, who).Id);

        var mine = await client.GetDocumentAsync("/meetings/mine");

        Assert.Contains(setup.Confidential.Id, MeetingWorld.ListedIds(mine, "upcoming"));
        var row = mine.QuerySelector($"[data-testid=upcoming] [data-testid=meeting-{setup.Confidential.Id}]")!;
        Assert.Equal("No reply", MeetingWorld.Text(row.QuerySelector("[data-testid=response]")!.TextContent));
        Assert.NotNull(row.QuerySelector($"a[href='/meetings/{setup.Confidential.Id}/calendar.ics']"));
        Assert.DoesNotContain(setup.Community.Id, MeetingWorld.ListedIds(mine, "upcoming"));
    }

    [Theory]
    [InlineData(Who.AreaManagerB)]
    [InlineData(Who.HousingNotInvited)]
    [InlineData(Who.PartnershipManager)]
    public async Task Someone_invited_to_nothing_has_an_empty_my_meetings(Who who)
    {
        var setup = await SetupAsync();

        var mine = await app.ClientFor(User(setup, who).Id).GetDocumentAsync("/meetings/mine");

        Assert.NotNull(mine.QuerySelector("[data-testid=no-upcoming]"));
        Assert.NotNull(mine.QuerySelector("[data-testid=no-past]"));
    }

    [Fact]
    public async Task A_ward_councillor_sees_the_community_meeting_of_their_ward_with_its_papers_but_not_another_wards()
    {
        var setup = await SetupAsync();

        var own = await app.ClientFor(setup.World.People.CouncillorA1.Id).GetDocumentAsync($"/meetings/{setup.Community.Id}");
        var other = await app.ClientFor(setup.CouncillorB.Id).GetAsync(new Uri($"/meetings/{setup.Community.Id}", UriKind.Relative));

        Assert.Null(own.QuerySelector("[data-testid=no-papers]"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Another_areas_manager_gets_not_found_for_its_meeting_and_sees_only_their_own_areas()
    {
        var setup = await SetupAsync();
        var client = app.ClientFor(setup.World.People.AreaManagerB.Id);

        var list = await client.GetDocumentAsync("/meetings");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/meetings/{setup.Community.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal([setup.OtherArea.Id], MeetingWorld.ListedIds(list));
    }

    [Fact]
    public async Task Everyone_signed_in_has_meetings_in_the_navigation()
    {
        var setup = await SetupAsync();
        foreach (var who in Enum.GetValues<Who>())
        {
            var home = await app.ClientFor(User(setup, who).Id).GetDocumentAsync("/");
            Assert.Contains(home.QuerySelectorAll(".govuk-service-navigation a"), a => a.GetAttribute("href") == "/meetings" && a.TextContent.Trim() == "Meetings");
        }
    }

    private static ApplicationUser User(Setup setup, Who who) => who switch
    {
        Who.PartnershipManager => setup.World.People.PartnershipManager,
        Who.AreaManagerA => setup.World.People.AreaManagerA,
        Who.SupportOfficerA => setup.World.People.SupportOfficerA,
        Who.AreaManagerB => setup.World.People.AreaManagerB,
        Who.CouncillorA1 => setup.World.People.CouncillorA1,
        Who.CouncillorB => setup.CouncillorB,
        Who.PoliceNoAgreement => setup.World.People.PoliceUser,
        Who.CleansingWithAgreement => setup.World.People.CleansingUser,
        _ => setup.HousingUser,
    };
}
