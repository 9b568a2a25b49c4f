using System.Text.RegularExpressions;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Domain.Issues;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

public sealed partial class RaiseIssueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Area_manager_raises_an_issue_with_a_reference_status_new_and_no_level()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var title = TestData.Unique("Needles in the play area");
        var category = await CategoryIdAsync(app, "fly-tipping");

        var response = await client.PostFormAsync("/issues/new",
        [
            new("Title", title), new("Description", "Found twice this week\nby the swings."), new("WardId", Id(world.WardA2)),
            new("Address", " Caldmore Green park "), new("Postcode", "ws1 3rh"), new("CategoryId", Id(category)), new("Source", "Resident"),
            new("OnBehalfOfName", "Pat Resident"), new("OnBehalfOfContact", "07700 900123"),
        ]);

        // Officers go straight to raising, even for a front-line category: the contacts page is for councillors.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var reference = Assert.Single(ReferenceInUrl().Matches(location)).Groups[1].Value;
        Assert.StartsWith($"AP-{DateTime.UtcNow.Year}-", reference, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync(location);
        Assert.Contains($"Issue {reference} raised", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        var tags = page.QuerySelectorAll("strong.govuk-tag").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("New", tags);
        Assert.Contains("Not triaged", tags);
        var summary = Text(page.QuerySelector("[data-testid=issue-summary]")!.TextContent);
        Assert.Contains("Caldmore Green park, WS1 3RH", summary, StringComparison.Ordinal);
        Assert.Contains("Pat Resident", summary, StringComparison.Ordinal);
        Assert.Contains($"by {world.AreaManagerA.DisplayName} (source: resident)", summary, StringComparison.Ordinal);
        var raised = Assert.Single(Timeline(page));
        Assert.Equal("Raised", raised.Title);
        Assert.Equal($"by {world.AreaManagerA.DisplayName}", raised.Byline);

        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Equal((title, IssueStatus.New, (IssueLevel?)null), (stored.Title, stored.Status, stored.Level));
        Assert.Equal((world.WardA2, world.AreaA, category, IssueSource.Resident), (stored.WardId, stored.AreaId, stored.CategoryId, stored.Source));
        Assert.Equal(("Caldmore Green park", "WS1 3RH"), (stored.Address, stored.Postcode));
        Assert.Equal(("Pat Resident", "07700 900123"), (stored.OnBehalfOfName, stored.OnBehalfOfContact));
        Assert.Equal("Found twice this week\nby the swings.", stored.Description);
        Assert.Equal(world.AreaManagerA.Id, stored.RaisedById);
        Assert.Null(stored.OwnerId);
        Assert.Null(stored.TargetDate);
        var events = await EventsAsync(app, stored.Id);
        Assert.Equal(IssueEventKind.Raised, Assert.Single(events).Kind);
    }

    [Theory]
    [InlineData(Roles.SupportOfficer)]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.PartnerUser)]
    [InlineData(Roles.Councillor)]
    public async Task Each_raising_role_can_raise_an_issue_in_a_ward_it_covers(string role)
    {
        var world = await CreateAsync(app);
        var user = role switch
        {
            Roles.SupportOfficer => world.SupportOfficerA,
            Roles.PartnershipManager => world.PartnershipManager,
            Roles.PartnerUser => world.PoliceUser,
            _ => world.CouncillorA1,
        };
        var client = app.ClientFor(user.Id);
        var title = TestData.Unique("Youths gathering");

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Every evening by the shops."), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "asb"))), new("Source", "Councillor")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Title == title));
        Assert.Equal((user.Id, IssueStatus.New, (IssueLevel?)null, world.WardA1), (stored.RaisedById, stored.Status, stored.Level, stored.WardId));
        Assert.Equal($"/issues/{stored.Reference}", response.Headers.Location!.OriginalString);
        Assert.Matches(ReferenceInUrl(), response.Headers.Location.OriginalString);

        // Whoever raised it lands on its page and can follow it (a partner included, before anyone is assigned).
        var landing = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal(title, landing.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task References_are_numbered_in_order()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var category = Id(await CategoryIdAsync(app, "graffiti"));

        var references = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostFormAsync("/issues/new",
                [new("Title", TestData.Unique("Graffiti")), new("Description", "On the bridge."), new("WardId", Id(world.WardA1)), new("CategoryId", category), new("Source", "Officer")]);
            references.Add(ReferenceInUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        }

        var numbers = references.Select(r => int.Parse(r[^5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers[0] + 1, numbers[1]);
    }

    [Fact]
    public async Task Councillor_is_shown_the_front_line_contacts_first_and_can_still_raise_it()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.CouncillorA1.Id);
        var title = TestData.Unique("Mattress dumped");
        var category = Id(await CategoryIdAsync(app, "fly-tipping"));

        var first = await client.PostFormAsync("/issues/new",
        [
            new("Title", title), new("Description", "A mattress and two bags \"again\"."), new("WardId", Id(world.WardA1)),
            new("Address", "Back lane"), new("CategoryId", category), new("Source", "Resident"), new("OnBehalfOfName", "Sam"),
        ]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var contacts = await Html.ReadAsync(first);
        var contact = Text(contacts.QuerySelector("[data-testid=front-line-contact]")!.TextContent);
        Assert.Contains(world.Cleansing.Name, contact, StringComparison.Ordinal);
        Assert.Contains("Call 01922 650000", contact, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));

        // "Raise it anyway" posts the page's own form: what was typed, carried in hidden fields, and FrontLineContactsShown=true.
        var form = contacts.QuerySelector("main form[method=post]")!;
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Contains(new KeyValuePair<string, string>("FrontLineContactsShown", "true"), fields);
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        var second = await client.PostAsync(new Uri("/issues/new", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Title == title));
        Assert.Equal("A mattress and two bags \"again\".", stored.Description);
        Assert.Equal(("Back lane", "Sam", IssueSource.Resident), (stored.Address, stored.OnBehalfOfName, stored.Source));
        Assert.Equal((world.CouncillorA1.Id, IssueStatus.New), (stored.RaisedById, stored.Status));
    }

    [Fact]
    public async Task Councillor_raising_a_job_without_a_front_line_service_is_not_stopped()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.CouncillorA1.Id);
        var title = TestData.Unique("Doorstep lender");

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Calling on older residents."), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "doorstep-lending"))), new("Source", "Councillor")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));
    }

    [Theory]
    [InlineData("asb")]
    [InlineData("fly-tipping")]
    public async Task Councillor_cannot_raise_in_a_ward_not_theirs(string categoryCode)
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.CouncillorA1.Id);
        var title = TestData.Unique("Not my ward");

        var form = await client.GetDocumentAsync("/issues/new");
        var wardOptions = form.QuerySelectorAll("select[name=WardId] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Equal([Id(world.WardA1)], wardOptions);

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Over the border."), new("WardId", Id(world.WardA2)),
             new("CategoryId", Id(await CategoryIdAsync(app, categoryCode))), new("Source", "Councillor")]);
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Select one of your wards"], Html.ErrorSummary(page));
        Assert.Equal(title, page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("Over the border.", page.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));
    }

    [Fact]
    public async Task Officer_cannot_raise_in_a_ward_outside_their_area()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.SupportOfficerA.Id);
        var title = TestData.Unique("Other area");

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Elsewhere."), new("WardId", Id(world.WardB1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "graffiti"))), new("Source", "Officer")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select a ward in your area", Html.ErrorSummary(await Html.ReadAsync(response)));
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_what_was_typed_kept()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.AreaManagerA.Id);
        var description = TestData.Unique("Described but untitled");

        var response = await client.PostFormAsync("/issues/new",
        [
            new("Title", "  "), new("Description", description), new("WardId", ""), new("Address", "12 High Street"),
            new("Postcode", "NOT A CODE"), new("CategoryId", ""), new("Source", ""), new("OnBehalfOfContact", "call after 6"),
        ]);
        var page = await Html.ReadAsync(response);
        var errors = Html.ErrorSummary(page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a title", errors);
        Assert.Contains("Select the ward", errors);
        Assert.Contains("Select a category", errors);
        Assert.Contains("Select where the issue came from", errors);
        Assert.Contains("Enter a real postcode, like WS1 1TP", errors);
        Assert.Equal(description, page.QuerySelector("textarea[name=Description]")!.TextContent.Trim());
        Assert.Equal("12 High Street", page.QuerySelector("input[name=Address]")!.GetAttribute("value"));
        Assert.Equal("NOT A CODE", page.QuerySelector("input[name=Postcode]")!.GetAttribute("value"));
        Assert.Equal("call after 6", page.QuerySelector("input[name=OnBehalfOfContact]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Description == description)));

        var tooLong = await client.PostFormAsync("/issues/new",
            [new("Title", new string('x', Issue.TitleMaxLength + 1)), new("Description", description), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "graffiti"))), new("Source", "Officer")]);
        var tooLongPage = await Html.ReadAsync(tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal([$"Title must be {Issue.TitleMaxLength} characters or fewer"], Html.ErrorSummary(tooLongPage));
        Assert.NotNull(tooLongPage.QuerySelector($"select[name=WardId] option[value='{world.WardA1}'][selected]"));
        Assert.NotNull(tooLongPage.QuerySelector("input[name=Source][value=Officer][checked]"));
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Description == description)));
    }

    [Fact]
    public async Task Councillor_cannot_mark_an_issue_confidential()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.CouncillorA1.Id);
        var title = TestData.Unique("Forged confidential");

        var form = await client.GetDocumentAsync("/issues/new");
        Assert.Null(form.QuerySelector("input[name=IsConfidential]"));

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Quietly."), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "asb"))), new("Source", "Councillor"), new("IsConfidential", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Issues.Where(i => i.Title == title).Select(i => i.IsConfidential).SingleAsync()));
    }

    [Fact]
    public async Task Officer_can_raise_a_confidential_issue()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor(world.SupportOfficerA.Id);
        var title = TestData.Unique("Safeguarding concern");

        var response = await client.PostFormAsync("/issues/new",
            [new("Title", title), new("Description", "Named family."), new("WardId", Id(world.WardA1)),
             new("CategoryId", Id(await CategoryIdAsync(app, "early-help"))), new("Source", "Partner"), new("IsConfidential", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Issues.Where(i => i.Title == title).Select(i => i.IsConfidential).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_cannot_raise_an_issue()
    {
        var world = await CreateAsync(app);
        var client = app.ClientFor((await app.Data.CreateUserAsync(Roles.Administrator)).Id);
        var title = TestData.Unique("By an administrator");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/issues/new", UriKind.Relative))).StatusCode);
        var forged = await client.PostFormAsync("/",
            [new("Title", title), new("Description", "No."), new("WardId", Id(world.WardA1)), new("CategoryId", Id(await CategoryIdAsync(app, "asb"))), new("Source", "Officer")],
            "/issues/new");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));
    }

    [GeneratedRegex(@"^/issues/(AP-\d{4}-\d{5})$")]
    private static partial Regex ReferenceInUrl();
}
