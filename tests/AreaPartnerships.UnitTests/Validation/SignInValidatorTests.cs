using AreaPartnerships.Web.Features.Account;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class SignInValidatorTests
{
    private readonly SignIn.Validator _validator = new();

    [Fact]
    public void Blank_form_asks_for_both_fields()
    {
        var result = _validator.Validate(new SignIn.Form());
        Assert.Contains(result.Errors, e => e.PropertyName == "Email" && e.ErrorMessage == "Enter your e-mail address");
        Assert.Contains(result.Errors, e => e.PropertyName == "Password" && e.ErrorMessage == "Enter your password");
    }

    [Fact]
    public void Malformed_email_is_explained()
    {
        var result = _validator.Validate(new SignIn.Form { Email = "not-an-address", Password = "x" });
        Assert.Equal("Enter an e-mail address in the correct format, like name@example.gov.uk", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Complete_form_is_valid() =>
        Assert.True(_validator.Validate(new SignIn.Form { Email = "a@b.gov.uk", Password = "anything-at-all" }).IsValid);
}
