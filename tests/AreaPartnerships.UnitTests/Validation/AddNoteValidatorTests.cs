using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class AddNoteValidatorTests
{
    private readonly AddNote.Validator _validator = new();

    [Fact]
    public void A_blank_note_asks_for_the_text_and_who_can_see_it()
    {
        var result = _validator.Validate(new AddNote.Form());

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.PropertyName == "Text" && e.ErrorMessage == "Enter the note");
        Assert.Contains(result.Errors, e => e.PropertyName == "Visibility" && e.ErrorMessage == "Select who can see the note");
    }

    [Theory]
    [InlineData(Visibility.Everyone)]
    [InlineData(Visibility.Confidential)]
    public void A_note_with_text_and_a_visibility_is_valid(Visibility visibility) =>
        Assert.True(_validator.Validate(new AddNote.Form { Text = "Spoke to the landlord", Visibility = visibility }).IsValid);

    [Fact]
    public void A_visibility_that_is_not_on_the_list_is_refused() =>
        Assert.Equal("Select who can see the note", Assert.Single(_validator.Validate(new AddNote.Form { Text = "Note", Visibility = (Visibility)9 }).Errors).ErrorMessage);

    [Fact]
    public void Too_long_a_note_is_explained()
    {
        var error = Assert.Single(_validator.Validate(new AddNote.Form { Text = new string('n', Issue.DescriptionMaxLength + 1), Visibility = Visibility.Everyone }).Errors);

        Assert.Equal("Text", error.PropertyName);
        Assert.Equal("Note must be 4000 characters or fewer", error.ErrorMessage);
    }
}
