using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.Issues.IssueWorld;

namespace AreaPartnerships.IntegrationTests.Issues;

/// <summary>Issue 9, finding 17: the councillor's front-line stop keeps their words, confirms what happens, and links the addresses.</summary>
public sealed class FrontLineStopTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Contact = "Report it at walsall.gov.uk/report, e-mail cleansing@demo.walsall.test or call 01922 650000";

    [Fact]
    public async Task The_services_web_address_email_and_telephone_are_links()
    {
        var (world, client, _) = await ArrangeAsync();

        var page = await StopAsync(world, client, TestData.Unique("Sofa dumped"));

        var links = page.QuerySelectorAll("[data-testid=front-line-contact] a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("walsall.gov.uk/report", "https://walsall.gov.uk/report"), ("cleansing@demo.walsall.test", "mailto:cleansing@demo.walsall.test"), ("01922 650000", "tel:01922650000")],
            links);
    }

    [Fact]
    public async Task Choosing_to_contact_the_service_confirms_it_keeps_the_words_and_they_can_still_raise_it()
    {
        var (world, client, _) = await ArrangeAsync();
        var title = TestData.Unique("Sofa dumped");
        var stop = await StopAsync(world, client, title);

        var contacted = await PressAsync(client, stop, "I will contact");
        var page = await Html.ReadAsync(contacted);

        Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        Assert.Contains($"You are contacting {world.Cleansing.Name} directly", page.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing has been raised with the area partnership", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("An old sofa\nby the bins", page.QuerySelector("[data-testid=draft]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=front-line-contact] a[href='tel:01922650000']"));
        Assert.False(await app.WithDbAsync(db => db.Issues.AnyAsync(i => i.Title == title)));

        // Changing it first: the Raise form comes back filled with every word.
        var draft = await Html.ReadAsync(await PressAsync(client, page, "Change what I wrote"));
        Assert.Equal(title, draft.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("An old sofa\nby the bins", draft.QuerySelector("textarea[name=Description]")!.TextContent.TrimStart('\n'));
        Assert.NotNull(draft.QuerySelector($"select[name=WardId] option[value='{world.WardA1}'][selected]"));
        Assert.Equal("Back lane", draft.QuerySelector("input[name=Address]")!.GetAttribute("value"));
        Assert.Equal("Sam", draft.QuerySelector("input[name=OnBehalfOfName]")!.GetAttribute("value"));

        // Or raising it after all, straight from the confirmation.
        var raised = await PressAsync(client, page, "Raise it with the area partnership after all");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var stored = await app.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Title == title));
        Assert.Equal(("An old sofa\nby the bins", "Back lane", "Sam"), (stored.Description, stored.Address, stored.OnBehalfOfName));
    }

    private async Task<(IssueWorld World, HttpClient Client, int Category)> ArrangeAsync()
    {
        var world = await CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var cleansing = await db.Organisations.SingleAsync(o => o.Id == world.Cleansing.Id);
            cleansing.Update(cleansing.Name, cleansing.Kind, true, Contact, true);
            await db.SaveChangesAsync();
        });
        return (world, app.ClientFor(world.CouncillorA1.Id), await CategoryIdAsync(app, "fly-tipping"));
    }

    private async Task<IHtmlDocument> StopAsync(IssueWorld world, HttpClient client, string title)
    {
        var response = await client.PostFormAsync("/issues/new",
        [
            new("Title", title), new("Description", "An old sofa\nby the bins"), new("WardId", Id(world.WardA1)), new("Address", "Back lane"),
            new("CategoryId", Id(await CategoryIdAsync(app, "fly-tipping"))), new("Source", "Resident"), new("OnBehalfOfName", "Sam"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ReadAsync(response);
    }

    /// <summary>Submits the page's main form with the button whose text starts with <paramref name="button"/>, as a browser would (its formaction).</summary>
    private static Task<HttpResponseMessage> PressAsync(HttpClient client, IHtmlDocument page, string button)
    {
        var pressed = page.QuerySelectorAll("main form button").Single(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal));
        var form = pressed.Closest("form")!;
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var action = pressed.GetAttribute("formaction") ?? form.GetAttribute("action")!;
        return client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
