using AreaPartnerships.Domain.Identity;
using static AreaPartnerships.IntegrationTests.HighlightReports.HighlightWorld;

namespace AreaPartnerships.IntegrationTests.HighlightReports;

/// <summary>Who may read and write which area's highlight report, role by role.</summary>
public sealed class HighlightAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> NotOfficers => [Roles.Councillor, Roles.PartnerUser, Roles.Administrator];

    [Theory]
    [MemberData(nameof(NotOfficers))]
    public async Task Councillors_partners_and_the_administrator_are_refused_every_highlight_report_page(string role)
    {
        var w = await EmptyAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Ours"));
        var client = app.ClientFor(w.User(role).Id);

        foreach (var url in new[] { "/highlight-reports", $"/highlight-reports?quarter={Quarter}", w.ReportUrl, w.ReportUrl + ".csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(url))).StatusCode);
        }

        var version = (await ReportAsync(app, w.AreaA, Quarter))!.Version.ToString();
        var post = await Html.ForgePostAsync(client, w.ReportUrl, [new("Achievements", "Theirs"), new("Version", version), new("Intent", "submit")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Ours", (await ReportAsync(app, w.AreaA, Quarter))!.Achievements);
    }

    [Fact]
    public async Task Another_areas_manager_finds_nothing_there_and_cannot_write_it()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.AreaManagerB.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(w.ReportUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(w.ReportUrl + ".csv"))).StatusCode);
        var post = await Html.ForgePostAsync(client, w.ReportUrl, [new("Achievements", "Theirs"), new("Version", Guid.Empty.ToString()), new("Intent", "save")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await ReportAsync(app, w.AreaA, Quarter));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/highlight-reports/999999/{Quarter}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url(w.ReportUrlB))).StatusCode);
    }

    [Fact]
    public async Task A_support_officer_reads_their_areas_report_and_is_refused_writing_it()
    {
        var w = await EmptyAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Ours", "Some risks"));
        var client = app.ClientFor(w.People.SupportOfficerA.Id);

        var page = await client.GetDocumentAsync(w.ReportUrl);

        Assert.Null(page.QuerySelector("form[data-testid=write]"));
        Assert.Empty(page.QuerySelectorAll("textarea"));
        Assert.Equal("Ours", Text(page.QuerySelector("[data-testid=text-Achievements] p")!.TextContent));
        Assert.Equal("Not written yet", Text(page.QuerySelector("[data-testid=text-AsksOfBoard] p")!.TextContent));
        var version = (await ReportAsync(app, w.AreaA, Quarter))!.Version.ToString();
        var post = await Html.ForgePostAsync(client, w.ReportUrl, [new("Achievements", "Mine"), new("Version", version), new("Intent", "submit")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(w.ReportUrlB))).StatusCode);
    }

    [Fact]
    public async Task The_partnership_manager_reads_every_areas_report_but_does_not_write_them()
    {
        var w = await EmptyAsync(app);
        await PostAsync(app.ClientFor(w.People.AreaManagerA.Id), w.ReportUrl, Texts("Ours"));
        var client = app.ClientFor(w.People.PartnershipManager.Id);

        foreach (var url in new[] { w.ReportUrl, w.ReportUrlB })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Null(page.QuerySelector("form[data-testid=write]"));
        }

        var version = (await ReportAsync(app, w.AreaA, Quarter))!.Version.ToString();
        var post = await Html.ForgePostAsync(client, w.ReportUrl, [new("Achievements", "Rewritten"), new("Version", version), new("Intent", "submit")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var tooLong = await Html.ForgePostAsync(client, w.ReportUrl, [new("Achievements", new string('x', 5000)), new("Version", version), new("Intent", "save")]);
        Assert.Equal(HttpStatusCode.Forbidden, tooLong.StatusCode);
        Assert.Equal(Domain.Reporting.HighlightReportStatus.Draft, (await ReportAsync(app, w.AreaA, Quarter))!.Status);
    }

    [Fact]
    public async Task An_area_manager_of_two_areas_writes_both()
    {
        var w = await EmptyAsync(app);
        var both = await app.Data.CreateUserAsync(Roles.AreaManager, areaIds: [w.AreaA, w.AreaB]);
        var client = app.ClientFor(both.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, w.ReportUrl, Texts("A"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, w.ReportUrlB, Texts("B"))).StatusCode);
        var list = await client.GetDocumentAsync($"/highlight-reports?quarter={Quarter}");
        Assert.Equal(2, list.QuerySelectorAll("tr[data-testid=report]").Length);
    }
}
