using static AreaPartnerships.IntegrationTests.WardProfiles.WardWorld;

namespace AreaPartnerships.IntegrationTests.WardProfiles;

/// <summary>
/// The borough row of a profile's comparison counts every ward, so it has a database of its own: one world, nothing else.
/// </summary>
public sealed class WardProfileBoroughTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_partnership_manager_compares_the_ward_with_the_whole_borough()
    {
        var w = await CreateAsync(app);
        await w.SeedIssuesAsync(app);
        var client = app.ClientFor(w.PartnershipManager.Id);

        var page = await client.GetDocumentAsync($"/wards/{Id(w.WardA1.Id)}");

        // Area A's seven open issues and B1's two, over 2,000 + 3,000 + 5,000 residents.
        Assert.Equal(("9", "10,000", "0.9"), (Cell(page, "[data-testid=comparison] tr[data-row=borough] [data-testid=count]"),
            Cell(page, "[data-testid=comparison] tr[data-row=borough] [data-testid=population]"), Cell(page, "[data-testid=comparison] tr[data-row=borough] [data-testid=rate]")));
        Assert.Equal("/issues?OpenOnly=True", Link(page, "[data-testid=comparison] tr[data-row=borough] [data-testid=count]"));
        Assert.Equal("9 issues", await ListTotalAsync(client, "/issues?OpenOnly=True"));
    }
}
