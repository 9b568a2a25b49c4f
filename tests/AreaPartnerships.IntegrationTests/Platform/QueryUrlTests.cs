using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Platform;

/// <summary>
/// <see cref="QueryUrl.Append"/> (the dashboard's links, each list routed once) writes exactly what the app's own link
/// generator writes for the same values: numbers, booleans, enums, dates as text, a null left out, a name given twice.
/// </summary>
public sealed class QueryUrlTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, (string Key, object? Value)[]> Links => new()
    {
        { "Issues", "Index", [("AreaId", 3), ("Level", "untriaged"), ("OpenOnly", true)] },
        { "Issues", "Index", [("AreaId", 3), ("Source", Domain.Issues.IssueSource.CommunityMeeting), ("RaisedFrom", "2026-04-01"), ("RaisedTo", "2026-04-30")] },
        { "Issues", "Index", [("AreaId", 3), ("Moved", ListIssues.LevelMove.Up), ("AreaId", 7), ("FromLevel", 2), ("ToLevel", null)] },
        { "TaskGroups", "Index", [("AreaId", 12), ("Overdue", null)] },
        { "Meetings", "Index", [("Area", 4), ("Type", MeetingType.TaskGroup), ("When", "past"), ("FromDay", 1), ("FromMonth", 4), ("FromYear", 2026)] },
        { "Meetings", "Index", [("Area", 4), ("Type", null), ("Text", "Café & bar / 50%")] },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Appending_values_to_a_routed_path_gives_what_the_link_generator_gives(string controller, string action, (string Key, object? Value)[] values)
    {
        var links = app.Services.GetRequiredService<LinkGenerator>();
        var routed = new RouteValueDictionary();
        foreach (var (key, value) in values)
        {
            routed[key] = value;
        }

        Assert.Equal(links.GetPathByAction(action, controller, routed), QueryUrl.Append(links.GetPathByAction(action, controller)!, values));
    }
}
