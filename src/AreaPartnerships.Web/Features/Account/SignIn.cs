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
        [System.ComponentModel.DataAnnotations.Display(Name = "E-mail address")]
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

        /// <summary>Unknown address, wrong password, locked or disabled account: deliberately one outcome.</summary>
        Failed,
    }

    /// <summary>
    /// Every attempt costs exactly one password-hash check, whether or not the account exists, is locked
    /// or is disabled, so neither the answer nor the time it takes says which addresses have accounts
    /// (an unknown address is checked against a hash of a random password). Failures still count
    /// towards lockout on real accounts.
    /// </summary>
    public sealed class Handler(SignInManager<ApplicationUser> signInManager, ILogger<Handler> logger)
    {
        private static string? _standInHash;

        public async Task<Outcome> HandleAsync(Form form)
        {
            var users = signInManager.UserManager;
            var user = await users.FindByEmailAsync(form.Email!.Trim());
            if (user is null)
            {
                CheckAgainstStandIn(users, form.Password!);
                logger.LogInformation("Sign-in failed: unknown account");
                return Outcome.Failed;
            }

            if (user.IsDisabled)
            {
                CheckAgainstStandIn(users, form.Password!);
                logger.LogWarning("Sign-in refused: account {UserId} is disabled", user.Id);
                return Outcome.Failed;
            }

            if (await users.IsLockedOutAsync(user))
            {
                // Identity answers a locked account without checking the password: do the same work anyway.
                CheckAgainstStandIn(users, form.Password!);
                logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
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
                logger.LogWarning("Sign-in failed: account {UserId} is now locked out", user.Id);
                return Outcome.Failed;
            }

            logger.LogInformation("Sign-in failed for account {UserId}", user.Id);
            return Outcome.Failed;
        }

        private static void CheckAgainstStandIn(UserManager<ApplicationUser> users, string password)
        {
            var standIn = new ApplicationUser("stand-in@invalid", "Stand-in");
            _standInHash ??= users.PasswordHasher.HashPassword(standIn, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            users.PasswordHasher.VerifyHashedPassword(standIn, _standInHash, password);
        }
    }
}
