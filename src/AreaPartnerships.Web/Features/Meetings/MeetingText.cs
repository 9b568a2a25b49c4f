using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Web.Infrastructure.Govuk;

namespace AreaPartnerships.Web.Features.Meetings;

/// <summary>How meetings read on every page: the type's tag, the cancelled tag, replies and when.</summary>
public static class MeetingText
{
    public static readonly TagStyle Cancelled = new("Cancelled", "grey");

    public static TagStyle TypeTag(MeetingType type) => new(Meeting.TypeName(type), Meeting.IsBoroughType(type) ? "purple" : "blue");

    public static TagStyle ResponseTag(InviteResponse response) => response switch
    {
        InviteResponse.Accepted => new(Meeting.ResponseName(response), "green"),
        InviteResponse.Declined => new(Meeting.ResponseName(response), "red"),
        _ => new(Meeting.ResponseName(response), "grey"),
    };

    /// <summary>"3 December 2026, 10:00 to 11:30" (UK time).</summary>
    public static string When(DateTime startsAt, DateTime endsAt) => UkTime.Describe(startsAt, endsAt);

    /// <summary>The area's name, or "Borough" for the borough meetings.</summary>
    public static string Area(string? area) => area ?? "Borough";

    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Responses =>
    [
        new("I will attend", nameof(InviteResponse.Accepted)),
        new("I cannot attend", nameof(InviteResponse.Declined)),
    ];
}
