using System.Text;
using AreaPartnerships.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static AreaPartnerships.IntegrationTests.WardProfiles.WardWorld;

namespace AreaPartnerships.IntegrationTests.WardProfiles;

/// <summary>The administrator's import of ward figures: stored whole or not at all, re-imports keep history, only the administrator.</summary>
public sealed class WardFigureImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_import_stores_each_figure_with_its_source_and_date_and_sets_the_wards_population_and_rank()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.Administrator.Id);

        var response = await UploadAsync(client, w.FirstFile, "ward-figures-2022.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/ward-figures", response.Headers.Location?.OriginalString);
        var index = await client.GetDocumentAsync("/admin/ward-figures");
        Assert.Equal("5 figures imported for 2 wards", Html.Banner(index));

        var figures = await w.FiguresAsync(app);
        Assert.Equal(
        [
            (w.WardA1.Id, "Population", 2000m, "ONS mid-year estimates 2022", new DateOnly(2022, 6, 30)),
            (w.WardA1.Id, "Deprivation rank", 3m, "IMD 2019", new DateOnly(2019, 9, 26)),
            (w.WardA1.Id, "Claimant count", 41.5m, "DWP", new DateOnly(2026, 10, 31)),
            (w.WardA2.Id, "Population", 3000m, "ONS mid-year estimates 2022", new DateOnly(2022, 6, 30)),
            (w.WardA2.Id, "Deprivation rank", 12m, "IMD 2019", new DateOnly(2019, 9, 26)),
        ], figures.Select(f => (f.WardId, f.Measure, f.Value, f.Source, f.AsAt)));
        Assert.All(figures, f => Assert.True(f.IsCurrent));
        Assert.Single(figures.Select(f => f.ImportId).Distinct());

        var import = await app.WithDbAsync(db => db.WardFigureImports.SingleAsync(i => i.Id == figures[0].ImportId));
        Assert.Equal(("ward-figures-2022.csv", w.Administrator.Id, 5), (import.FileName, import.ImportedById, import.FigureCount));

        var a1 = await w.StoredWardAsync(app, w.WardA1.Id);
        var a2 = await w.StoredWardAsync(app, w.WardA2.Id);
        Assert.Equal((2000, 3), (a1.Population, a1.DeprivationRank));
        Assert.Equal((3000, 12), (a2.Population, a2.DeprivationRank));

        // The import is listed, newest first, with who, when, the file and its figures.
        var row = index.QuerySelector($"[data-testid=imports] tr[data-import='{Id(import.Id)}']");
        Assert.NotNull(row);
        Assert.Equal(row, index.QuerySelector("[data-testid=imports] tbody tr"));
        Assert.Contains(w.Administrator.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("ward-figures-2022.csv", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", Text(row.QuerySelector("[data-label=Figures]")?.TextContent));
    }

    [Fact]
    public async Task A_reimport_replaces_each_figure_it_carries_and_keeps_the_earlier_one_as_history()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.Administrator.Id);
        await UploadAsync(client, w.FirstFile);

        var response = await UploadAsync(client, w.SecondFile);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("2 figures imported for 1 ward", Html.Banner(await client.GetDocumentAsync("/admin/ward-figures")));
        var figures = await w.FiguresAsync(app);
        var first = figures[0].ImportId;
        var second = figures[^1].ImportId;
        Assert.NotEqual(first, second);

        // A1: population and claimant count replaced by the second import (the heading's capitals do not matter); rank kept.
        Assert.Equal(
        [
            ("Population", 2000m, (int?)second),
            ("Deprivation rank", 3m, null),
            ("Claimant count", 41.5m, second),
            ("POPULATION", 2500m, null),
            ("Claimant count", 39m, null),
        ], figures.Where(f => f.WardId == w.WardA1.Id).Select(f => (f.Measure, f.Value, f.ReplacedByImportId)));

        // A2: the blank cells left its figures as they were.
        Assert.All(figures.Where(f => f.WardId == w.WardA2.Id), f => Assert.Null(f.ReplacedByImportId));
        Assert.Equal((2500, 3), ((await w.StoredWardAsync(app, w.WardA1.Id)).Population, (await w.StoredWardAsync(app, w.WardA1.Id)).DeprivationRank));
        Assert.Equal(3000, (await w.StoredWardAsync(app, w.WardA2.Id)).Population);

        // The profile shows the current figures and the earlier ones as history.
        var profile = await client.GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");
        Assert.Equal("2,500", Cell(profile, "[data-testid=figures] tr[data-measure=POPULATION] [data-testid=value]"));
        Assert.Equal("ONS mid-year estimates 2023", Cell(profile, "[data-testid=figures] tr[data-measure=POPULATION] [data-testid=source]"));
        Assert.Equal("30 June 2023", Cell(profile, "[data-testid=figures] tr[data-measure=POPULATION] [data-testid=as-at]"));
        Assert.Equal("History: 1 earlier figure", Cell(profile, "[data-testid=figures] tr[data-measure=POPULATION] [data-testid=history]"));
        Assert.Equal("None", Cell(profile, "[data-testid=figures] tr[data-measure='Deprivation rank'] [data-testid=history]"));
        var anchor = Link(profile, "[data-testid=figures] tr[data-measure=POPULATION] [data-testid=history]")!;
        var history = profile.QuerySelector(anchor);
        Assert.NotNull(history);
        Assert.Equal("2,000", Text(history.QuerySelector("[data-testid=value]")?.TextContent));
        Assert.Equal("ONS mid-year estimates 2022", Text(history.QuerySelector("[data-testid=source]")?.TextContent));
        Assert.Equal("30 June 2022", Text(history.QuerySelector("[data-testid=as-at]")?.TextContent));
        Assert.Equal(2, profile.QuerySelectorAll("[data-testid=earlier]").Length);
        Assert.Equal("2,500", Cell(profile, "[data-testid=population]"));
    }

    [Fact]
    public async Task An_import_moves_on_the_version_of_each_ward_it_gives_figures_so_a_racing_save_is_refused()
    {
        var w = await CreateAsync(app);
        var before = await app.WithDbAsync(db => db.Wards.AsNoTracking().Where(x => x.Id == w.WardA1.Id || x.Id == w.WardB1.Id).ToDictionaryAsync(x => x.Id, x => x.Version));

        await UploadAsync(app.ClientFor(w.Administrator.Id), w.SecondFile);

        var after = await app.WithDbAsync(db => db.Wards.AsNoTracking().Where(x => x.Id == w.WardA1.Id || x.Id == w.WardB1.Id).ToDictionaryAsync(x => x.Id, x => x.Version));
        Assert.NotEqual(before[w.WardA1.Id], after[w.WardA1.Id]);
        Assert.Equal(before[w.WardB1.Id], after[w.WardB1.Id]);
    }

    public static TheoryData<string, string> MalformedFiles => new()
    {
        { "Ward,Population,Claimant count\nSource,ONS,DWP\nDate,30/06/2022,31/10/2026\n{A1},100,1\n{A2},200,12x\n", "Row 5, column ‘Claimant count’: ‘12x’ is not a number" },
        { "Ward,Population\nSource,ONS\nDate,30/06/2022\n{A1},100\nAtlantis,200\n", "Row 5, column ‘Ward’: ‘Atlantis’ is not one of the service's wards" },
        { "Ward,Population\nSource,ONS\nDate,30/06/2022\n{A1},100\n{A2},200\n{a1},300\n", "Row 6, column ‘Ward’: ‘{a1}’ is also on row 4: give each ward one row" },
        { "Ward,Population,Claimant count,population\nSource,ONS,DWP,ONS\nDate,30/06/2022,31/10/2026,30/06/2022\n{A1},100,1,100\n", "Row 1, column 4: the heading ‘population’ is also the heading of column 2: each measure may have one column" },
        { "Ward,Population,Claimant count\nSource,ONS,\nDate,30/06/2022,31/10/2026\n{A1},100,1\n", "Row 2, column ‘Claimant count’: enter where the figures come from" },
        { "Ward,Population,Claimant count\nSource,ONS,DWP\nDate,30/06/2022,2026-10-31\n{A1},100,1\n", "Row 3, column ‘Claimant count’: ‘2026-10-31’ is not a date in the form dd/mm/yyyy" },
        { "Ward,Population\nSource,ONS\nDate,30/06/2022\n", "The file has no wards' figures: under the Ward, Source and Date rows, add one row for each ward" },
        { "Ward,Population\nSource,ONS\nDate,30/06/2022\n{A1},12.5\n", "Row 4, column ‘Population’: ‘12.5’ must be a whole number from 0 to 10,000,000" },
        { "Ward,Population\nSource,ONS\nDate,30/06/2022\n{A1},\"100\n", "Row 4, column 2: a cell starts with a quote (\") that is never closed. Nothing after it could be read." },
        { "\n\n", "The file is empty" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_naming_the_row_and_column_and_nothing_is_saved(string template, string problem)
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.Administrator.Id);
        string Fill(string text) => text.Replace("{A1}", w.WardA1.Name, StringComparison.Ordinal)
            .Replace("{a1}", w.WardA1.Name.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{A2}", w.WardA2.Name, StringComparison.Ordinal);
        var imports = await ImportCountAsync(app);

        var response = await UploadAsync(client, Fill(template));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal([Fill(problem)], Html.ErrorSummary(page));
        Assert.Equal(Fill(problem), Html.FieldError(page, "File"));
        Assert.Equal(imports, await ImportCountAsync(app));
        Assert.Empty(await w.FiguresAsync(app));
        Assert.Null((await w.StoredWardAsync(app, w.WardA1.Id)).Population);
    }

    [Fact]
    public async Task A_file_with_several_problems_lists_every_one_and_saves_none_of_its_good_rows()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.Administrator.Id);
        var imports = await ImportCountAsync(app);

        var response = await UploadAsync(client,
            $"Ward,Population,Claimant count\nSource,ONS,DWP\nDate,30/06/2022,31/10/2026\n{w.WardA1.Name},100,1\n{w.WardA2.Name},2x,3\nAtlantis,1,2\n{w.WardB1.Name},5,1.23456\n",
            "bad.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(["‘bad.csv’ has 3 problems, so nothing has been imported: correct them and upload the file again"], Html.ErrorSummary(page));
        Assert.Equal(
        [
            "Row 5, column ‘Population’: ‘2x’ is not a number",
            "Row 6, column ‘Ward’: ‘Atlantis’ is not one of the service's wards",
            "Row 7, column ‘Claimant count’: ‘1.23456’ has more than 4 decimal places",
        ], page.QuerySelectorAll("[data-testid=problems] li").Select(li => Text(li.TextContent)));
        Assert.Equal(imports, await ImportCountAsync(app));
        Assert.Empty(await w.FiguresAsync(app));
        Assert.Null((await w.StoredWardAsync(app, w.WardA1.Id)).Population);
    }

    [Fact]
    public async Task More_than_twenty_problems_are_cut_short_with_how_many_more()
    {
        var w = await CreateAsync(app);
        var rows = string.Concat(Enumerable.Range(1, 23).Select(i => $"Atlantis {i},1\n"));

        var response = await UploadAsync(app.ClientFor(w.Administrator.Id), "Ward,Population\nSource,ONS\nDate,30/06/2022\n" + rows);

        var problems = (await Html.ReadAsync(response)).QuerySelectorAll("[data-testid=problems] li").Select(li => Text(li.TextContent)).ToList();
        Assert.Equal(21, problems.Count);
        Assert.Equal("…and 3 more problems", problems[^1]);
    }

    public static TheoryData<string, byte[]?, string> UnreadableUploads => new()
    {
        { "figures.csv", null, "Select a CSV file of ward figures" },
        { "figures.csv", [], "The selected file is empty" },
        { "figures.xlsx", Encoding.UTF8.GetBytes("Ward,Population\n"), "The selected file must be a CSV (a file name ending .csv)" },
        { "figures.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], "The selected file must be a CSV: this one is not text (save a spreadsheet as ‘CSV’ first)" },
        { "figures.csv", new byte[(1024 * 1024) + 1], "The selected file must be smaller than 1 MB" },
    };

    [Theory]
    [MemberData(nameof(UnreadableUploads))]
    public async Task A_missing_empty_non_CSV_or_oversized_upload_is_refused_and_nothing_is_saved(string fileName, byte[]? content, string message)
    {
        var w = await CreateAsync(app);
        var imports = await ImportCountAsync(app);

        var response = await UploadAsync(app.ClientFor(w.Administrator.Id), fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal([message], Html.ErrorSummary(page));
        Assert.Equal(message, Html.FieldError(page, "File"));
        Assert.Equal(imports, await ImportCountAsync(app));
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_unread()
    {
        var w = await CreateAsync(app);
        var imports = await ImportCountAsync(app);

        var response = await UploadAsync(app.ClientFor(w.Administrator.Id), "figures.csv", new byte[5 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(imports, await ImportCountAsync(app));
    }

    [Fact]
    public async Task The_example_file_names_the_services_wards_and_uploaded_unchanged_imports_nothing()
    {
        var w = await CreateAsync(app);
        var client = app.ClientFor(w.Administrator.Id);
        var import = await client.GetDocumentAsync(ImportUrl);
        Assert.Equal("/admin/ward-figures/example.csv", import.QuerySelector("[data-testid=example-link]")?.GetAttribute("href"));

        var response = await client.GetAsync(new Uri("/admin/ward-figures/example.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFWard,Population,Households,Deprivation rank,Claimant count\r\nSource,", text, StringComparison.Ordinal);
        Assert.Contains($"\r\n{w.WardA1.Name},,,,\r\n", text, StringComparison.Ordinal);

        var upload = await UploadAsync(client, "ward-figures-example.csv", bytes);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(["The file has no figures: every ward's cells are blank"], Html.ErrorSummary(await Html.ReadAsync(upload)));
    }

    [Theory]
    [InlineData(Roles.PartnershipManager)]
    [InlineData(Roles.AreaManager)]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.PartnerUser)]
    public async Task Only_the_administrator_may_see_or_import_ward_figures(string role)
    {
        var w = await CreateAsync(app);
        var user = role switch
        {
            Roles.PartnershipManager => w.PartnershipManager,
            Roles.AreaManager => w.AreaManagerA,
            Roles.Councillor => w.CouncillorA1,
            _ => w.PoliceUser,
        };
        var client = app.ClientFor(user.Id);
        var imports = await ImportCountAsync(app);

        foreach (var url in new[] { "/admin/ward-figures", ImportUrl, "/admin/ward-figures/example.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        var forged = await UploadAsync(client, "figures.csv", Encoding.UTF8.GetBytes(w.FirstFile), tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(imports, await ImportCountAsync(app));
        Assert.Null((await w.StoredWardAsync(app, w.WardA1.Id)).Population);
    }
}
