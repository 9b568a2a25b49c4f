using System.Reflection;
using AreaPartnerships.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace AreaPartnerships.Web.Infrastructure.Security;

/// <summary>
/// NCSC password advice: length, not composition rules, plus a deny-list of common and easily
/// guessed passwords. The list (CommonPasswords.txt, embedded) holds widely published common
/// passwords and base words; the check ignores case and also refuses the person's own e-mail or
/// name, passwords of one or two repeated characters, and the listed words with digits around them.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> Denied = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IsTooCommon(password, user)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Choose a password that is harder to guess: this one is too common or too like your name or e-mail",
            })
            : IdentityResult.Success);
    }

    public static bool IsTooCommon(string password, ApplicationUser? user = null)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Denied.Value.Contains(lower) || lower.Distinct().Count() <= 2)
        {
            return true;
        }

        // "Password2026!" and "qwerty-123456" are the listed word with digits and symbols around it;
        // a password that is nearly all digits is as weak as a PIN.
        var squashed = new string([.. lower.Where(char.IsLetterOrDigit)]);
        var letters = new string([.. lower.Where(char.IsLetter)]);
        if (Denied.Value.Contains(squashed) || Denied.Value.Contains(letters) || (letters.Length < 4 && squashed.Length - letters.Length > 6)
            || IsRepeatOfWeakUnit(letters) || IsRepeatOfWeakUnit(squashed))
        {
            return true;
        }

        if (user is null)
        {
            return false;
        }

        var email = user.Email?.ToLowerInvariant();
        var localPart = email?.Split('@')[0];
        return (email is not null && lower.Contains(email, StringComparison.Ordinal))
            || (localPart is { Length: >= 4 } && lower.Contains(localPart, StringComparison.Ordinal))
            || (user.DisplayName is { Length: >= 4 } name && squashed.Contains(new string([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]), StringComparison.Ordinal));
    }

    /// <summary>"letmeinletmein", "abcabcabcabc": a short or listed unit said over and over.</summary>
    private static bool IsRepeatOfWeakUnit(string value)
    {
        for (var size = 1; size <= value.Length / 2; size++)
        {
            if (value.Length % size == 0 && string.Concat(Enumerable.Repeat(value[..size], value.Length / size)) == value)
            {
                return size <= 4 || Denied.Value.Contains(value[..size]);
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AreaPartnerships.Web.Infrastructure.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
