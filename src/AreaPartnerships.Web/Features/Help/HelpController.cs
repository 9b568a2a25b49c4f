using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AreaPartnerships.Web.Features.Help;

/// <summary>The public pages linked from every page's footer: no sign-in needed.</summary>
[AllowAnonymous]
public sealed class HelpController(IOptions<CouncilContacts> contacts) : Controller
{
    /// <summary>When the two pages' text was last prepared and reviewed.</summary>
    public static readonly DateOnly LastReviewed = new(2026, 11, 29);

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View(contacts.Value);

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View(contacts.Value);
}
