using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure;
using AreaPartnerships.Web.Infrastructure.Security;
using FluentValidation;
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
            case Account.SignIn.Outcome.LockedOut:
                ModelState.AddModelError(nameof(form.Email),
                    $"Your account is locked because of too many failed sign-in attempts. Try again in {SecuritySetup.LockoutDuration.TotalMinutes:0} minutes or ask an administrator to unlock it");
                break;
            default:
                ModelState.AddModelError(nameof(form.Email), Account.SignIn.FailedMessage);
                break;
        }

        form.Password = null;
        return this.InvalidForm(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOut([FromServices] SignInManager<ApplicationUser> signInManager)
    {
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
