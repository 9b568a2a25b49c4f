using AreaPartnerships.Domain.Issues;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed class NotesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Officer_adds_a_note_for_everyone_which_shows_on_the_timeline()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.SupportOfficerA.Id);
        var text = TestData.Unique("Spoke to the landlord");

        var response = await AddNoteAsync(client, issue.Reference, text, "Everyone");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/issues/{issue.Reference}", response.Headers.Location!.OriginalString);
        var note = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
        Assert.Equal((text, Visibility.Everyone, world.SupportOfficerA.Id), (note.Body, note.Visibility, note.ActorId!.Value));

        var page = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains("Note added", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var entry = Timeline(page)[0];
        Assert.Equal(("Note added", $"by {world.SupportOfficerA.DisplayName}", text), (entry.Title, entry.Byline, entry.Description));

        var councillorPage = await app.ClientFor(world.CouncillorA1.Id).GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Contains(Timeline(councillorPage), t => t.Description == text);
    }

    [Fact]
    public async Task A_confidential_note_is_seen_by_officers_and_partners_with_an_agreement_but_never_by_councillors()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel3);
        var officer = app.ClientFor(world.AreaManagerA.Id);
        var secret = TestData.Unique("Victim lives at number 4");

        var response = await AddNoteAsync(officer, issue.Reference, secret, "Confidential");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var note = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
        Assert.Equal((secret, Visibility.Confidential), (note.Body, note.Visibility));

        var officerEntry = Assert.Single(Timeline(await officer.GetDocumentAsync($"/issues/{issue.Reference}")), t => t.Description == secret);
        Assert.Equal("Confidential note added Confidential", officerEntry.Title);

        var councillorPage = await app.ClientFor(world.CouncillorA1.Id).GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.DoesNotContain(secret, councillorPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Timeline(councillorPage), t => t.Title.Contains("Confidential", StringComparison.Ordinal));
        Assert.NotEmpty(Timeline(councillorPage));

        var partner = app.ClientFor(world.PoliceUser.Id);
        Assert.DoesNotContain(secret, (await partner.GetDocumentAsync($"/issues/{issue.Reference}")).Body!.TextContent, StringComparison.Ordinal);
        await RecordAgreementAsync(app, world.PoliceUser.Id, world.PartnershipManager.Id);
        Assert.Contains(Timeline(await partner.GetDocumentAsync($"/issues/{issue.Reference}")), t => t.Description == secret);
    }

    [Fact]
    public async Task Councillor_cannot_add_a_confidential_note()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.CouncillorA1.Id);
        var text = TestData.Unique("Between us");

        var form = await client.GetDocumentAsync($"/issues/{issue.Reference}");
        Assert.Null(form.QuerySelector("input[name=Visibility][value=Confidential]"));
        Assert.Equal("Everyone", form.QuerySelector("input[type=hidden][name=Visibility]")!.GetAttribute("value"));

        var response = await AddNoteAsync(client, issue.Reference, text, "Confidential");
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["You cannot add a confidential note"], Html.ErrorSummary(page));
        Assert.Equal(text, page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);

        var everyone = await AddNoteAsync(client, issue.Reference, text, "Everyone");
        Assert.Equal(HttpStatusCode.Redirect, everyone.StatusCode);
        var note = Assert.Single(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
        Assert.Equal((Visibility.Everyone, world.CouncillorA1.Id), (note.Visibility, note.ActorId!.Value));
    }

    [Fact]
    public async Task Partner_without_a_confidentiality_agreement_cannot_add_a_confidential_note()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel3);
        var client = app.ClientFor(world.PoliceUser.Id);

        var response = await AddNoteAsync(client, issue.Reference, "Intelligence", "Confidential");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["You cannot add a confidential note"], Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
    }

    [Fact]
    public async Task An_empty_note_or_one_with_no_visibility_is_refused_with_a_message()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var empty = await AddNoteAsync(client, issue.Reference, "  ", "Confidential");
        var emptyPage = await Html.ReadAsync(empty);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Enter the note"], Html.ErrorSummary(emptyPage));
        Assert.NotNull(emptyPage.QuerySelector("input[name=Visibility][value=Confidential][checked]"));

        var text = TestData.Unique("Who sees this?");
        var noVisibility = await client.PostFormAsync($"/issues/{issue.Reference}", [new("Text", text)], $"/issues/{issue.Reference}/notes");
        var page = await Html.ReadAsync(noVisibility);
        Assert.Equal(HttpStatusCode.BadRequest, noVisibility.StatusCode);
        Assert.Equal(["Select who can see the note"], Html.ErrorSummary(page));
        Assert.Equal(text, page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());

        var tooLong = await AddNoteAsync(client, issue.Reference, new string('n', Issue.DescriptionMaxLength + 1), "Everyone");
        Assert.Equal([$"Note must be {Issue.DescriptionMaxLength} characters or fewer"], Html.ErrorSummary(await Html.ReadAsync(tooLong)));

        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
    }

    [Theory]
    [InlineData("AP-1999-99999")]
    [InlineData(null)]
    public async Task A_note_on_an_issue_that_does_not_exist_or_cannot_be_seen_is_not_found(string? reference)
    {
        var world = await CreateAsync(app);
        var hidden = await world.IssueAsync(app, world.AtLevel2, wardId: world.WardB1);
        var client = app.ClientFor(world.AreaManagerA.Id);

        var response = await client.PostFormAsync("/", [new("Text", "Hello?"), new("Visibility", "Everyone")], $"/issues/{reference ?? hidden.Reference}/notes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(await EventsAsync(app, hidden.Id), e => e.Kind == IssueEventKind.NoteAdded);
    }

    [Fact]
    public async Task Councillor_cannot_add_a_note_to_a_confidential_issue()
    {
        var world = await CreateAsync(app);
        var issue = await world.IssueAsync(app, world.AtLevel2, confidential: true);
        var client = app.ClientFor(world.CouncillorA1.Id);

        var response = await client.PostFormAsync("/", [new("Text", "Let me in"), new("Visibility", "Everyone")], $"/issues/{issue.Reference}/notes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(await EventsAsync(app, issue.Id), e => e.Kind == IssueEventKind.NoteAdded);
    }

    private static Task<HttpResponseMessage> AddNoteAsync(HttpClient client, string reference, string text, string visibility) =>
        client.PostFormAsync($"/issues/{reference}", [new("Text", text), new("Visibility", visibility)], $"/issues/{reference}/notes");
}
