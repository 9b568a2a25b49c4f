using AngleSharp.Html.Dom;
using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AreaPartnerships.IntegrationTests.Security;

/// <summary>
/// Sign-in never tells a stranger which e-mail addresses have accounts: the same response, the same message
/// and the same work (one password-hash check) for an unknown address, a wrong password, a locked account
/// and a disabled one. Lockout still works.
/// </summary>
public sealed class AccountEnumerationTests(AccountEnumerationTests.CountingHasherFactory app) : IClassFixture<AccountEnumerationTests.CountingHasherFactory>
{
    private const string UnknownAddress = "nobody-at-all@test.walsall.test";

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_for_a_real_account_get_the_same_response()
    {
        var user = await app.Data.CreateUserAsync(Roles.AreaManager);
        var client = app.BrowserLikeClient();

        var real = await client.SignInThroughFormAsync(user.Email!, "not-the-password-at-all");
        var unknown = await client.SignInThroughFormAsync(UnknownAddress, "not-the-password-at-all");

        await AssertSameAnswerAsync(real, user.Email!, unknown, UnknownAddress);
        Assert.Equal(["Enter a correct e-mail address and password"], Html.ErrorSummary(await Html.ReadAsync(unknown)));
    }

    [Fact]
    public async Task After_five_failures_a_locked_account_answers_exactly_as_an_unknown_address_does()
    {
        var user = await app.Data.CreateUserAsync(Roles.AreaManager);
        var other = $"nobody-{Guid.NewGuid():N}@test.walsall.test";
        var client = app.BrowserLikeClient();
        for (var attempt = 0; attempt < SecuritySetup.MaxFailedAttempts; attempt++)
        {
            await client.SignInThroughFormAsync(user.Email!, $"wrong-password-{attempt}");
            await client.SignInThroughFormAsync(other, $"wrong-password-{attempt}");
        }

        var locked = await client.SignInThroughFormAsync(user.Email!, TestData.Password);
        var unknown = await client.SignInThroughFormAsync(other, TestData.Password);

        await AssertSameAnswerAsync(locked, user.Email!, unknown, other);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(user.Email!))!), "lockout still works");
    }

    [Fact]
    public async Task A_disabled_account_answers_as_an_unknown_address_does()
    {
        var user = await app.Data.CreateUserAsync(Roles.AreaManager);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Users.FindAsync(user.Id);
            stored!.IsDisabled = true;
            await db.SaveChangesAsync();
        });
        var client = app.BrowserLikeClient();

        var disabled = await client.SignInThroughFormAsync(user.Email!, TestData.Password);
        var unknown = await client.SignInThroughFormAsync(UnknownAddress, TestData.Password);

        await AssertSameAnswerAsync(disabled, user.Email!, unknown, UnknownAddress);
    }

    public enum Account
    {
        Unknown,
        RealWithWrongPassword,
        Locked,
        Disabled,
    }

    [Theory]
    [InlineData(Account.Unknown)]
    [InlineData(Account.RealWithWrongPassword)]
    [InlineData(Account.Locked)]
    [InlineData(Account.Disabled)]
    public async Task Every_failed_attempt_costs_one_password_hash_check_whether_or_not_the_account_exists(Account account)
    {
        var hasher = app.Hasher;
        var user = await app.Data.CreateUserAsync(Roles.AreaManager);
        var client = app.BrowserLikeClient();
        if (account == Account.Locked)
        {
            for (var attempt = 0; attempt < SecuritySetup.MaxFailedAttempts; attempt++)
            {
                await client.SignInThroughFormAsync(user.Email!, $"wrong-password-{attempt}");
            }
        }
        else if (account == Account.Disabled)
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Users.FindAsync(user.Id))!.IsDisabled = true;
                await db.SaveChangesAsync();
            });
        }

        hasher.Reset();
        var response = await client.SignInThroughFormAsync(account == Account.Unknown ? UnknownAddress : user.Email!,
            account == Account.RealWithWrongPassword ? "not-the-password-at-all" : TestData.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, hasher.Verifications);
    }

    /// <summary>Same status, same headers (by name) and the same page, once the address typed and the one-off tokens are set aside.</summary>
    private static async Task AssertSameAnswerAsync(HttpResponseMessage a, string emailA, HttpResponseMessage b, string emailB)
    {
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(a.Headers.Select(h => h.Key).Order(), b.Headers.Select(h => h.Key).Order());
        Assert.Equal(await ComparableAsync(a, emailA), await ComparableAsync(b, emailB));
    }

    private static async Task<string> ComparableAsync(HttpResponseMessage response, string email)
    {
        var page = await Html.ReadAsync(response);
        foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]"))
        {
            token.SetAttribute("value", "token");
        }

        var typed = (IHtmlInputElement)page.QuerySelector("input[name=Email]")!;
        Assert.Equal(email, typed.GetAttribute("value"));
        typed.SetAttribute("value", "typed");
        return page.DocumentElement.OuterHtml;
    }

    /// <summary>The app with its password hasher counted: the seam that shows every attempt does the same work.</summary>
    public sealed class CountingHasherFactory : AppFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
        }
    }

    public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
