using AreaPartnerships.Web.Infrastructure;

namespace AreaPartnerships.UnitTests.Dashboard;

/// <summary>Kept figures lose the views' indentation and nothing a browser would show differently.</summary>
public sealed class WithoutIndentationTests
{
    [Fact]
    public void Each_line_break_and_the_spaces_around_it_become_one_line_break()
    {
        const string rendered = "<table>\r\n    <tr>  \n        <td><a href=\"/issues?AreaId=1\">12 <span>open</span></a></td>\n\n    </tr>\n</table>\n";

        Assert.Equal("<table>\n<tr>\n<td><a href=\"/issues?AreaId=1\">12 <span>open</span></a></td>\n</tr>\n</table>\n", FigureMemo.WithoutIndentation(rendered));
    }

    [Fact]
    public void Spaces_within_a_line_are_left_as_written()
    {
        const string rendered = "<p>Level 1:  12   issues</p>";

        Assert.Equal(rendered, FigureMemo.WithoutIndentation(rendered));
    }

    [Theory]
    [InlineData("<pre>\n    indented\n</pre>")]
    [InlineData("<TEXTAREA name=\"x\">\n    typed\n</TEXTAREA>")]
    public void Html_where_spaces_show_is_left_as_it_is(string rendered) =>
        Assert.Equal(rendered, FigureMemo.WithoutIndentation(rendered));
}
