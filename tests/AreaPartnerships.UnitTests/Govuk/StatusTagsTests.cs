using System.Text.Encodings.Web;
using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Domain.TaskGroups;
using AreaPartnerships.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AreaPartnerships.UnitTests.Govuk;

/// <summary>One name and one colour per status, everywhere (<see cref="StatusTags"/>), rendered by <c>&lt;govuk-tag&gt;</c>.</summary>
public sealed class StatusTagsTests
{
    public static TheoryData<object> EveryStatus()
    {
        var data = new TheoryData<object>();
        foreach (var value in Enum.GetValues<IssueStatus>())
        {
            data.Add(value);
        }

        foreach (var value in Enum.GetValues<IssueLevel>())
        {
            data.Add(value);
        }

        foreach (var value in Enum.GetValues<PlanActionStatus>())
        {
            data.Add(value);
        }

        foreach (var value in Enum.GetValues<TaskGroupStatus>())
        {
            data.Add(value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_status_has_a_name_and_a_GOVUK_colour(object status)
    {
        var tag = StatusTags.For(status);

        Assert.False(string.IsNullOrWhiteSpace(tag.Text));
        Assert.DoesNotMatch("[a-z][A-Z]", tag.Text); // words, not the enum's identifier ("InProgress")
        Assert.Contains(tag.Colour, StatusTags.GovukColours);
        Assert.Equal($"govuk-tag--{tag.Colour}", tag.CssClass);
    }

    [Fact]
    public void The_names_are_the_domains_own_words_and_differ_within_each_enum()
    {
        Assert.All(Enum.GetValues<IssueStatus>(), s => Assert.Equal(Issue.StatusName(s), StatusTags.For(s).Text));
        Assert.All(Enum.GetValues<PlanActionStatus>(), s => Assert.Equal(PlanAction.StatusName(s), StatusTags.For(s).Text));
        Assert.All(Enum.GetValues<IssueLevel>(), l => Assert.Equal(Issue.LevelName(l), StatusTags.For((IssueLevel?)l).Text));
        Assert.Equal("Not triaged", StatusTags.For((IssueLevel?)null).Text);

        Assert.Distinct(Enum.GetValues<IssueStatus>().Select(s => StatusTags.For(s).Text));
        Assert.Distinct(Enum.GetValues<PlanActionStatus>().Select(s => StatusTags.For(s).Text));
        Assert.Distinct(Enum.GetValues<TaskGroupStatus>().Select(s => StatusTags.For(s).Text));
    }

    [Fact]
    public void The_same_words_have_the_same_colour_whichever_enum_they_come_from()
    {
        var all = Enum.GetValues<IssueStatus>().Select(s => StatusTags.For(s))
            .Concat(Enum.GetValues<PlanActionStatus>().Select(s => StatusTags.For(s)))
            .Concat(Enum.GetValues<TaskGroupStatus>().Select(s => StatusTags.For(s)));

        Assert.All(all.GroupBy(t => t.Text), same => Assert.Single(same.Select(t => t.Colour).Distinct()));
        Assert.Equal(StatusTags.For(IssueStatus.InProgress).Colour, StatusTags.For(PlanActionStatus.InProgress).Colour);
    }

    [Fact]
    public void A_value_with_no_map_is_refused_rather_than_shown_in_a_made_up_colour()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusTags.For((PlanActionStatus)99));
        Assert.Throws<ArgumentException>(() => StatusTags.For((object)IssueSource.Resident));
    }

    [Theory]
    [InlineData(PlanActionStatus.Blocked, false, "<strong class=\"govuk-tag govuk-tag--red\">Blocked</strong>")]
    [InlineData(PlanActionStatus.InProgress, true, "<strong class=\"govuk-tag govuk-tag--yellow app-tag--inline\">In progress</strong>")]
    public void The_tag_helper_renders_the_maps_name_and_colour(PlanActionStatus status, bool inline, string expected)
    {
        Assert.Equal(expected, Render(new GovukTagTagHelper { ForStatus = status, Inline = inline }, "for-status"));
    }

    [Fact]
    public void The_tag_helper_renders_an_untriaged_level()
    {
        Assert.Equal("<strong class=\"govuk-tag govuk-tag--grey\">Not triaged</strong>", Render(new GovukTagTagHelper { ForLevel = null }, "for-level"));
        Assert.Equal("<strong class=\"govuk-tag govuk-tag--purple\">Level 2</strong>", Render(new GovukTagTagHelper { ForLevel = IssueLevel.Partnership }, "for-level"));
    }

    private static string Render(GovukTagTagHelper helper, string attribute)
    {
        var context = new TagHelperContext(
            new TagHelperAttributeList { new TagHelperAttribute(attribute, "x") }, new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("govuk-tag", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
