using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Security;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password2026!")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("123456789012")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("Walsall2026!!")]
    [InlineData("letmein-letmein")]
    public void Common_and_guessable_passwords_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsTooCommon(password));

    [Theory]
    [InlineData("Correct-Horse-Battery-Staple")]
    [InlineData("plum tractor nineteen lantern")]
    [InlineData("Walsall-Demo-2026!")]
    public void Long_uncommon_passwords_are_accepted_without_composition_rules(string password) =>
        Assert.False(CommonPasswordValidator.IsTooCommon(password));

    [Fact]
    public void A_password_containing_the_persons_email_or_name_is_refused()
    {
        var user = new ApplicationUser("priya.shah@walsall.test", "Priya Shah");
        Assert.True(CommonPasswordValidator.IsTooCommon("priya.shah-2026!", user));
        Assert.True(CommonPasswordValidator.IsTooCommon("I am PriyaShah ok", user));
        Assert.False(CommonPasswordValidator.IsTooCommon("orchard lantern bicycle", user));
    }
}
