using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class SetLevelValidatorTests
{
    /// <summary>
    /// The validator checks the shape of what was typed only: who must act at each level, and when a follow-up
    /// may fall, are the issue's rule (AssignmentRulesTests), and that choices were offered is the handler's.
    /// </summary>
    private readonly SetLevel.Validator _validator = new();

    private static SetLevel.Form Level1(string? day = "27", string? month = "6", string? year = "2026") => new()
    {
        Level = IssueLevel.FrontLine,
        Reason = "Simple job for street cleansing",
        ReferredOrganisationId = 101,
        FollowUpDay = day,
        FollowUpMonth = month,
        FollowUpYear = year,
    };

    [Fact]
    public void A_complete_level_1_triage_is_valid() =>
        Assert.True(_validator.Validate(Level1()).IsValid);

    [Fact]
    public void A_blank_form_asks_for_the_level_and_the_reason()
    {
        var result = _validator.Validate(new SetLevel.Form());

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "Level" && e.ErrorMessage == "Select a level");
        Assert.Contains(result.Errors, e => e.PropertyName == "Reason" && e.ErrorMessage == "Enter the reason");
    }

    [Fact]
    public void A_level_off_the_model_is_refused()
    {
        var form = new SetLevel.Form { Level = (IssueLevel)7, Reason = "Reason" };

        var error = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal("Select a level", error.ErrorMessage);
    }

    [Fact]
    public void Too_long_a_reason_is_explained()
    {
        var form = Level1();
        form.Reason = new string('r', Issue.ReasonMaxLength + 1);

        var error = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal("Reason must be 2000 characters or fewer", error.ErrorMessage);
    }

    [Fact]
    public void Who_acts_is_not_the_validators_to_decide()
    {
        var form = Level1(null, null, null);
        form.ReferredOrganisationId = null;

        Assert.True(_validator.Validate(form).IsValid);
        Assert.True(_validator.Validate(new SetLevel.Form { Level = IssueLevel.MultiAgency, Reason = "Reason" }).IsValid);
    }

    [Theory]
    [InlineData("31", "2", "2027")]
    [InlineData("29", "2", "2027")]
    [InlineData("0", "7", "2026")]
    [InlineData("1", "13", "2026")]
    [InlineData("15", "7", null)]
    [InlineData("fifteenth", "7", "2026")]
    public void A_follow_up_date_that_does_not_exist_is_explained(string? day, string? month, string? year)
    {
        var error = Assert.Single(_validator.Validate(Level1(day, month, year)).Errors);

        Assert.Equal("FollowUpDay", error.PropertyName);
        Assert.Equal("Enter a real follow-up date, like 27 3 2027", error.ErrorMessage);
    }

    [Fact]
    public void A_leap_day_follow_up_is_a_real_date() =>
        Assert.True(_validator.Validate(Level1("29", "2", "2028")).IsValid);
}
