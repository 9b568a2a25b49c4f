using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class SetLevelValidatorTests
{
    // 15 June 2026, 11am in the UK (BST).
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly SetLevel.Validator _validator = new(new FixedClock(Now));

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
    public void Level_1_needs_the_front_line_service()
    {
        var form = Level1();
        form.ReferredOrganisationId = null;

        var error = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal("ReferredOrganisationId", error.PropertyName);
        Assert.Equal("Select the front-line service the issue is referred to", error.ErrorMessage);
    }

    [Fact]
    public void Level_1_without_a_follow_up_date_asks_for_one()
    {
        var error = Assert.Single(_validator.Validate(Level1(null, null, null)).Errors);

        Assert.Equal("FollowUpDay", error.PropertyName);
        Assert.Equal("Enter a real follow-up date, like 27 3 2027", error.ErrorMessage);
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

    [Fact]
    public void A_follow_up_date_in_the_past_is_refused()
    {
        var error = Assert.Single(_validator.Validate(Level1("14", "6", "2026")).Errors);

        Assert.Equal("FollowUpDay", error.PropertyName);
        Assert.Equal("The follow-up date must be today or in the future", error.ErrorMessage);
    }

    [Fact]
    public void A_follow_up_today_is_allowed() =>
        Assert.True(_validator.Validate(Level1("15", "6", "2026")).IsValid);

    [Fact]
    public void Today_is_the_uk_day_not_the_utc_day()
    {
        // 11:30pm UTC on 15 June is 12:30am on 16 June in the UK (BST): 15 June has passed.
        var validator = new SetLevel.Validator(new FixedClock(new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.Zero)));

        var error = Assert.Single(validator.Validate(Level1("15", "6", "2026")).Errors);

        Assert.Equal("The follow-up date must be today or in the future", error.ErrorMessage);
        Assert.True(validator.Validate(Level1("16", "6", "2026")).IsValid);
    }

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.Borough)]
    public void Levels_2_and_4_need_an_owner_but_no_service_or_follow_up(IssueLevel level)
    {
        var result = _validator.Validate(new SetLevel.Form { Level = level, Reason = "Reason" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("OwnerId", error.PropertyName);
        Assert.Equal("Select who owns the issue", error.ErrorMessage);
        Assert.True(_validator.Validate(new SetLevel.Form { Level = level, Reason = "Reason", OwnerId = 31 }).IsValid);
    }

    [Fact]
    public void Level_3_needs_an_owner_and_a_lead_organisation()
    {
        var result = _validator.Validate(new SetLevel.Form { Level = IssueLevel.MultiAgency, Reason = "Reason" });

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "OwnerId" && e.ErrorMessage == "Select who owns the issue");
        Assert.Contains(result.Errors, e => e.PropertyName == "LeadOrganisationId" && e.ErrorMessage == "Select the lead organisation or service");
    }

    [Fact]
    public void Level_1_does_not_ask_for_an_owner() =>
        Assert.DoesNotContain(_validator.Validate(Level1(null, null, null)).Errors, e => e.PropertyName == "OwnerId");
}
