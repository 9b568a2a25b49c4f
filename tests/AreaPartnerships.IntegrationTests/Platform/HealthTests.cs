using Microsoft.Data.Sqlite;

namespace AreaPartnerships.IntegrationTests.Platform;

public sealed class HealthTests : IDisposable
{
    private readonly AppFactory _app = new();

    [Fact]
    public async Task Health_is_200_while_the_database_answers_and_503_when_it_does_not()
    {
        var client = _app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        // Take the database away from under the running app.
        SqliteConnection.ClearAllPools();
        File.Move(_app.DatabasePath, _app.DatabasePath + ".gone");

        try
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Move(_app.DatabasePath + ".gone", _app.DatabasePath, overwrite: true);
        }
    }

    public void Dispose() => _app.Dispose();
}
