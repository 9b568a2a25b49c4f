using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Features.Account;

[Route("account")]
public sealed class AccountController : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true
            ? LocalRedirect(SafeReturnUrl(returnUrl))
            : View(new SignIn.Form { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignIn.Form form, [FromServices] SignIn.Validator validator, [FromServices] SignIn.Handler handler)
    {
        if (!await this.ValidateAsync(validator, form))
        {
            return this.InvalidForm(form);
        }

        switch (await handler.HandleAsync(form))
        {
            case Account.SignIn.Outcome.SignedIn:
                return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
            default:
                // One message whether the address is unknown, the password wrong or the account locked or
                // disabled, so the page never says which accounts exist (the page explains lockout).
                ModelState.AddModelError(nameof(form.Email), Account.SignIn.FailedMessage);
                break;
        }

        form.Password = null;
        return this.InvalidForm(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOut([FromServices] SignInManager<ApplicationUser> signInManager, [FromServices] SignInSessions sessions)
    {
        // End the session itself, not only this browser's copy of the cookie (docs/decisions/0011).
        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await sessions.EndAsync(cookie.Properties);
        await signInManager.SignOutAsync();
        TempData["Success"] = "You have signed out";
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
