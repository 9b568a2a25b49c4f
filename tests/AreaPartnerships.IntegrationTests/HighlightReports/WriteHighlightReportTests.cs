using System.Text.Json;
using AreaPartnerships.Domain.Reporting;
using static AreaPartnerships.IntegrationTests.HighlightReports.HighlightWorld;

namespace AreaPartnerships.IntegrationTests.HighlightReports;

/// <summary>The area manager's draft, a conflict between two drafts, submission (refused when empty) and what it freezes.</summary>
public sealed class WriteHighlightReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_area_manager_saves_a_draft_and_finds_it_again()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);

        var response = await PostAsync(client, w.ReportUrl, Texts("Cleared the Williams Street fly-tip", "Police capacity over the summer", "A decision on CCTV"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(w.ReportUrl, response.Headers.Location?.OriginalString);
        var page = await client.GetDocumentAsync(w.ReportUrl);
        Assert.Equal("Draft saved", Html.Banner(page));
        Assert.Equal("Draft", Text(page.QuerySelector("[data-testid=status]")!.TextContent));
        Assert.Equal("Cleared the Williams Street fly-tip", page.QuerySelector("textarea[name=Achievements]")!.TextContent.Trim());
        Assert.Equal("A decision on CCTV", page.QuerySelector("textarea[name=AsksOfBoard]")!.TextContent.Trim());
        var stored = await ReportAsync(app, w.AreaA, Quarter);
        Assert.NotNull(stored);
        Assert.Equal(HighlightReportStatus.Draft, stored.Status);
        Assert.Equal("Police capacity over the summer", stored.RisksAndIssues);
        Assert.Null(stored.FrozenFigures);
        Assert.StartsWith("Live", Text(page.QuerySelector("[data-testid=figures-as-at]")!.TextContent), StringComparison.Ordinal);

        // A second save changes the words; a text left empty is no text.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, w.ReportUrl, Texts("Cleared it", "", ""))).StatusCode);
        stored = await ReportAsync(app, w.AreaA, Quarter);
        Assert.Equal("Cleared it", stored!.Achievements);
        Assert.Null(stored.RisksAndIssues);
    }

    [Fact]
    public async Task A_draft_saved_over_someone_elses_is_refused_with_their_words_shown_and_yours_kept()
    {
        var w = await EmptyAsync(app);
        var second = await app.Data.CreateUserAsync(Domain.Identity.Roles.AreaManager, areaIds: [w.AreaA]);
        var mine = app.ClientFor(w.People.AreaManagerA.Id);
        var theirs = app.ClientFor(second.Id);
        await PostAsync(mine, w.ReportUrl, Texts("First words"));
        var stale = await mine.GetDocumentAsync(w.ReportUrl);
        var staleVersion = stale.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(theirs, w.ReportUrl, Texts("Their words"))).StatusCode);
        var response = await mine.PostFormAsync(w.ReportUrl,
            [new("Achievements", "My better words"), new("RisksAndIssues", "My risks"), new("AsksOfBoard", ""), new("Version", staleVersion), new("Intent", "save")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var message = Assert.Single(Html.ErrorSummary(page));
        Assert.Contains("Someone else changed this highlight report", message, StringComparison.Ordinal);
        Assert.Contains("achievements ‘Their words’", message, StringComparison.Ordinal);
        Assert.Equal("My better words", page.QuerySelector("textarea[name=Achievements]")!.TextContent.Trim());
        Assert.Equal("My risks", page.QuerySelector("textarea[name=RisksAndIssues]")!.TextContent.Trim());
        Assert.Equal("Their words", (await ReportAsync(app, w.AreaA, Quarter))!.Achievements);

        // Saving again from that page is a deliberate choice, and it saves.
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.NotEqual(staleVersion, version);
        var again = await mine.PostFormAsync(w.ReportUrl, [new("Achievements", "My better words"), new("Version", version), new("Intent", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("My better words", (await ReportAsync(app, w.AreaA, Quarter))!.Achievements);
    }

    [Fact]
    public async Task Two_people_starting_the_same_report_the_second_is_told_of_the_first()
    {
        var w = await EmptyAsync(app);
        var second = await app.Data.CreateUserAsync(Domain.Identity.Roles.AreaManager, areaIds: [w.AreaA]);
        var mine = app.ClientFor(w.People.AreaManagerA.Id);
        var before = await mine.GetDocumentAsync(w.ReportUrl);
        Assert.Equal(Guid.Empty.ToString(), before.QuerySelector("input[name=Version]")!.GetAttribute("value"));

        await PostAsync(app.ClientFor(second.Id), w.ReportUrl, Texts("Theirs first"));
        var response = await mine.PostFormAsync(w.ReportUrl, [new("Achievements", "Mine"), new("Version", Guid.Empty.ToString()), new("Intent", "save")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("achievements ‘Theirs first’", Assert.Single(Html.ErrorSummary(page)), StringComparison.Ordinal);
        Assert.Equal("Mine", page.QuerySelector("textarea[name=Achievements]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submitting_with_all_three_texts_empty_is_refused_at_the_achievements_field()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);

        var response = await PostAsync(client, w.ReportUrl, Texts("  ", "", ""), "submit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Write the achievements, risks and issues or asks of the Borough Management Team before submitting", Html.FieldError(page, "Achievements"));
        Assert.Single(Html.ErrorSummary(page));
        Assert.Equal("#Achievements", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Null(await ReportAsync(app, w.AreaA, Quarter));
    }

    [Fact]
    public async Task A_text_too_long_is_refused_at_its_field_with_everything_typed_kept()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);
        var tooLong = new string('x', HighlightReport.TextMaxLength + 1);

        var response = await PostAsync(client, w.ReportUrl, Texts("Good", tooLong, "Asks"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Risks and issues must be 4,000 characters or fewer", Html.FieldError(page, "RisksAndIssues"));
        Assert.Equal(tooLong, page.QuerySelector("textarea[name=RisksAndIssues]")!.TextContent.Trim());
        Assert.Equal("Asks", page.QuerySelector("textarea[name=AsksOfBoard]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submitting_freezes_the_figures_and_later_changes_do_not_move_them()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);
        var before = await client.GetDocumentAsync(w.ReportUrl);
        Assert.Equal(("4", "5", "▼ 1 (from 5 to 4)"), Figure(before, "raised"));

        var response = await PostAsync(client, w.ReportUrl, Texts("Cleared the fly-tip", "", "CCTV"), "submit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReportAsync(app, w.AreaA, Quarter);
        Assert.Equal(HighlightReportStatus.Submitted, stored!.Status);
        Assert.Equal(w.People.AreaManagerA.Id, stored.SubmittedById);
        Assert.NotNull(stored.SubmittedAt);
        using (var json = JsonDocument.Parse(stored.FrozenFigures!))
        {
            Assert.Equal(4, json.RootElement.GetProperty("this").GetProperty("issues").GetProperty("raised").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
        }

        // More happens in the quarter after submission: an issue raised and stepped up, a spend, a meeting.
        await w.IssueAsync(app, w.People.WardA1, Uk(2025, 8, 25), i =>
        {
            w.Level2(i, Uk(2025, 8, 25));
            i.StepUp(Domain.Issues.IssueLevel.MultiAgency, "Needs the police", w.People.PoliceLead, w.People.AreaManagerA.Id, Uk(2025, 8, 26), 90);
        });
        await w.Money.SpendAsync(app, w.BudgetA, 1_234m, new DateOnly(2025, 8, 26), null);
        await w.MeetingAsync(app, Domain.Meetings.MeetingType.Tasking, w.AreaA, Uk(2025, 8, 27));

        var page = await client.GetDocumentAsync(w.ReportUrl);
        Assert.Equal("Highlight report submitted to the Borough Management Team", Html.Banner(page));
        Assert.Equal(("4", "5", "▼ 1 (from 5 to 4)"), Figure(page, "raised"));
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "step-ups"));
        Assert.Equal(("£650.00", "£300.00", "▲ £350.00 (from £300.00 to £650.00)"), Figure(page, "quick-win-spent"));
        Assert.Equal(("2", "1", "▲ 1 (from 1 to 2)"), Figure(page, "meetings-Tasking"));
        Assert.Equal($"Figures as at {Web.Infrastructure.UkFormat.Date(stored.SubmittedAt!.Value)}, {Web.Infrastructure.UkFormat.ToUkTime(stored.SubmittedAt.Value):HH:mm}",
            Text(page.QuerySelector("[data-testid=figures-as-at]")!.TextContent));
        Assert.Equal("Submitted", Text(page.QuerySelector("[data-testid=status]")!.TextContent));
        Assert.Contains(w.People.AreaManagerA.DisplayName, page.QuerySelector("[data-testid=submitted]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[data-testid=write]"));
        Assert.Equal("Cleared the fly-tip", Text(page.QuerySelector("[data-testid=text-Achievements] p")!.TextContent));
        Assert.Equal("Not written", Text(page.QuerySelector("[data-testid=text-RisksAndIssues] p")!.TextContent));

        // The live figures did move: area A's next report (2025-Q3) compares against them.
        var next = await client.GetDocumentAsync($"/highlight-reports/{Id(w.AreaA)}/2025-Q3");
        Assert.Equal("5", Figure(next, "raised").Previous);
        Assert.Equal("3", Figure(next, "step-ups").Previous);
    }

    [Fact]
    public async Task A_post_to_a_submitted_report_is_refused_with_a_message_and_changes_nothing()
    {
        var w = await EmptyAsync(app);
        var client = app.ClientFor(w.People.AreaManagerA.Id);
        await PostAsync(client, w.ReportUrl, Texts("Done"), "submit");
        var version = (await ReportAsync(app, w.AreaA, Quarter))!.Version.ToString();

        foreach (var (v, intent) in new[] { (version, "save"), (version, "submit"), (Guid.Empty.ToString(), "save") })
        {
            var response = await client.PostFormAsync(w.ReportUrl, [new("Achievements", "Changed after"), new("Version", v), new("Intent", intent)]);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.Equal(["This report has been submitted: it can no longer be changed"], Html.ErrorSummary(page));
            Assert.Null(page.QuerySelector("form[data-testid=write]"));
        }

        var stored = await ReportAsync(app, w.AreaA, Quarter);
        Assert.Equal("Done", stored!.Achievements);
    }
}
