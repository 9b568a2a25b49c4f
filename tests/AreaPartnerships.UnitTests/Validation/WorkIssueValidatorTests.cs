using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using static AreaPartnerships.Web.Features.Issues.WorkIssue;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class WorkIssueValidatorTests
{
    private readonly WorkIssue.Validator _validator = new();

    [Fact]
    public void No_move_chosen_asks_what_to_do()
    {
        var error = Assert.Single(_validator.Validate(new WorkIssue.Form()).Errors);

        Assert.Equal("Action", error.PropertyName);
        Assert.Equal("Select what you want to do", error.ErrorMessage);
    }

    [Fact]
    public void A_move_that_is_not_on_the_list_is_refused() =>
        Assert.Equal("Select what you want to do", Assert.Single(_validator.Validate(new WorkIssue.Form { Action = (Move)99 }).Errors).ErrorMessage);

    [Theory]
    [InlineData(Move.Resolve)]
    [InlineData(Move.ConfirmReferral)]
    public void Resolving_without_an_outcome_asks_for_it(Move move)
    {
        var error = Assert.Single(_validator.Validate(new WorkIssue.Form { Action = move, Text = " " }).Errors);

        Assert.Equal("Text", error.PropertyName);
        Assert.Equal("Enter the outcome", error.ErrorMessage);
    }

    [Theory]
    [InlineData(Move.Reopen)]
    [InlineData(Move.Withdraw)]
    public void Reopening_or_withdrawing_without_a_reason_asks_for_it(Move move)
    {
        var error = Assert.Single(_validator.Validate(new WorkIssue.Form { Action = move }).Errors);

        Assert.Equal("Text", error.PropertyName);
        Assert.Equal("Enter the reason", error.ErrorMessage);
    }

    [Theory]
    [InlineData(Move.Start)]
    [InlineData(Move.Close)]
    public void Starting_or_closing_needs_no_text(Move move) =>
        Assert.True(_validator.Validate(new WorkIssue.Form { Action = move }).IsValid);

    [Theory]
    [InlineData(Move.Resolve)]
    [InlineData(Move.Withdraw)]
    public void A_move_with_its_text_is_valid(Move move) =>
        Assert.True(_validator.Validate(new WorkIssue.Form { Action = move, Text = "Cameras installed", DuplicateOf = "AP-2026-00042" }).IsValid);

    [Fact]
    public void Too_long_a_text_is_explained()
    {
        var error = Assert.Single(_validator.Validate(new WorkIssue.Form { Action = Move.Resolve, Text = new string('o', Issue.DescriptionMaxLength + 1) }).Errors);

        Assert.Equal("Text must be 4000 characters or fewer", error.ErrorMessage);
    }
}
