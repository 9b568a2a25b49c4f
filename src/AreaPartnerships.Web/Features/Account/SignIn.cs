using AreaPartnerships.Domain.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace AreaPartnerships.Web.Features.Account;

/// <summary>Sign in with e-mail and password. Failed attempts count towards lockout.</summary>
public static class SignIn
{
    public const string FailedMessage = "Enter a correct e-mail address and password";

    public sealed class Form
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your e-mail address")
                .EmailAddress().WithMessage("Enter an e-mail address in the correct format, like name@example.gov.uk")
                .MaximumLength(256).WithMessage("E-mail address must be 256 characters or fewer");
            RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password")
                .MaximumLength(256).WithMessage("Password must be 256 characters or fewer");
        }
    }

    public enum Outcome
    {
        SignedIn,
        Failed,
        LockedOut,
    }

    public sealed class Handler(SignInManager<ApplicationUser> signInManager, ILogger<Handler> logger)
    {
        public async Task<Outcome> HandleAsync(Form form)
        {
            var user = await signInManager.UserManager.FindByEmailAsync(form.Email!.Trim());
            if (user is null)
            {
                logger.LogInformation("Sign-in failed: unknown account");
                return Outcome.Failed;
            }

            if (user.IsDisabled)
            {
                logger.LogWarning("Sign-in refused: account {UserId} is disabled", user.Id);
                return Outcome.Failed;
            }

            var result = await signInManager.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserId} signed in", user.Id);
                return Outcome.SignedIn;
            }

            if (result.IsLockedOut)
            {
                logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
                return Outcome.LockedOut;
            }

            logger.LogInformation("Sign-in failed for account {UserId}", user.Id);
            return Outcome.Failed;
        }
    }
}
