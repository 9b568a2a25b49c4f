using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class RaiseIssueValidatorTests
{
    private readonly RaiseIssue.Validator _validator = new();

    private static RaiseIssue.Form Complete() => new()
    {
        Title = "Fly-tipping behind the shops",
        Description = "Bags dumped every week",
        WardId = 30,
        CategoryId = 5,
        Source = IssueSource.Councillor,
        Postcode = "WS1 1TP",
    };

    [Fact]
    public void A_complete_form_is_valid() =>
        Assert.True(_validator.Validate(Complete()).IsValid);

    [Fact]
    public void A_blank_form_asks_for_each_required_answer()
    {
        var result = _validator.Validate(new RaiseIssue.Form());

        Assert.Equal(5, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "Title" && e.ErrorMessage == "Enter a title");
        Assert.Contains(result.Errors, e => e.PropertyName == "Description" && e.ErrorMessage == "Enter a description of the issue");
        Assert.Contains(result.Errors, e => e.PropertyName == "WardId" && e.ErrorMessage == "Select the ward");
        Assert.Contains(result.Errors, e => e.PropertyName == "CategoryId" && e.ErrorMessage == "Select a category");
        Assert.Contains(result.Errors, e => e.PropertyName == "Source" && e.ErrorMessage == "Select where the issue came from");
    }

    [Theory]
    [InlineData("NOTAPOSTCODE")]
    [InlineData("WS1")]
    [InlineData("12345")]
    [InlineData("WS1 1T")]
    [InlineData("WS1 1TPX")]
    public void A_postcode_that_is_not_real_is_explained(string postcode)
    {
        var form = Complete();
        form.Postcode = postcode;

        var error = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal("Postcode", error.PropertyName);
        Assert.Equal("Enter a real postcode, like WS1 1TP", error.ErrorMessage);
    }

    [Theory]
    [InlineData("WS1 1TP")]
    [InlineData("ws11tp")]
    [InlineData("B1 1AA")]
    [InlineData("EC1A 1BB")]
    [InlineData("W1A 0AX")]
    [InlineData(" WS2 8EH ")]
    public void Real_postcodes_are_accepted_in_any_case_with_or_without_the_space(string postcode)
    {
        var form = Complete();
        form.Postcode = postcode;

        Assert.True(_validator.Validate(form).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_postcode_is_optional(string? postcode)
    {
        var form = Complete();
        form.Postcode = postcode;

        Assert.True(_validator.Validate(form).IsValid);
    }

    [Fact]
    public void Too_long_a_title_or_description_is_explained()
    {
        var form = Complete();
        form.Title = new string('t', Issue.TitleMaxLength + 1);
        form.Description = new string('d', Issue.DescriptionMaxLength + 1);

        var result = _validator.Validate(form);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "Title" && e.ErrorMessage == "Title must be 200 characters or fewer");
        Assert.Contains(result.Errors, e => e.PropertyName == "Description" && e.ErrorMessage == "Description must be 4000 characters or fewer");
    }

    [Fact]
    public void A_source_that_is_not_on_the_list_is_refused()
    {
        var form = Complete();
        form.Source = (IssueSource)42;

        var error = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal("Select where the issue came from", error.ErrorMessage);
    }

    [Fact]
    public void Too_long_an_address_or_resident_details_are_explained()
    {
        var form = Complete();
        form.Address = new string('a', 301);
        form.OnBehalfOfName = new string('n', 151);
        form.OnBehalfOfContact = new string('c', 251);

        var result = _validator.Validate(form);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "Address" && e.ErrorMessage == "Address must be 300 characters or fewer");
        Assert.Contains(result.Errors, e => e.PropertyName == "OnBehalfOfName" && e.ErrorMessage == "Name must be 150 characters or fewer");
        Assert.Contains(result.Errors, e => e.PropertyName == "OnBehalfOfContact" && e.ErrorMessage == "Contact details must be 250 characters or fewer");
    }
}
