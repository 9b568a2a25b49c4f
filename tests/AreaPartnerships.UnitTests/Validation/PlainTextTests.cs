using AreaPartnerships.Web.Infrastructure.Forms;

namespace AreaPartnerships.UnitTests.Validation;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Plain words, with punctuation – and “quotes”.")]
    [InlineData("Two\r\nlines\tand a tab")]
    [InlineData("Welsh: Ŵ ŷ, and an emoji 🙂")]
    [InlineData("")]
    public void Ordinary_text_tabs_and_new_lines_are_allowed(string text) =>
        Assert.False(PlainText.HasControlCharacter(text));

    [Theory]
    [InlineData("\0")]
    [InlineData("bell\u0007")]
    [InlineData("back\bspace")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("next line\u0085")]
    [InlineData("vertical\vtab")]
    [InlineData("form\ffeed")]
    public void Other_control_characters_are_refused(string text) =>
        Assert.True(PlainText.HasControlCharacter(text));

    [Theory]
    [InlineData("OnBehalfOfName", "On behalf of name")]
    [InlineData("Description", "Description")]
    [InlineData("returnUrl", "Return url")]
    public void Field_names_read_as_words(string property, string words) =>
        Assert.Equal(words, PlainText.Humanise(property));
}
