using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>A category is changed or retired, never deleted; every theme has one name.</summary>
public sealed class CategoryTests
{
    [Fact]
    public void Retiring_a_category_keeps_everything_else_about_it()
    {
        var category = new Category("Doorstep lending", "doorstep-lending", IssueTheme.Financial, frontLineOrganisationId: 4);

        category.Update(" Doorstep lending ", "doorstep-lending", IssueTheme.Financial, 4, isActive: false);

        Assert.Equal(("Doorstep lending", "doorstep-lending", IssueTheme.Financial, (int?)4, false),
            (category.Name, category.Code, category.Theme, category.FrontLineOrganisationId, category.IsActive));
    }

    [Fact]
    public void A_category_is_renamed_rethemed_and_given_a_service_or_none()
    {
        var category = new Category("Debt", "debt", IssueTheme.Other);

        category.Update("Debt and money advice", "debt-advice", IssueTheme.Financial, 9, isActive: true);
        Assert.Equal(("Debt and money advice", "debt-advice", IssueTheme.Financial, (int?)9, true),
            (category.Name, category.Code, category.Theme, category.FrontLineOrganisationId, category.IsActive));

        category.Update("Debt and money advice", "debt-advice", IssueTheme.Financial, null, isActive: true);
        Assert.Null(category.FrontLineOrganisationId);
    }

    [Theory]
    [InlineData("", "code", "Name")]
    [InlineData("Name", " ", "Code")]
    public void Name_and_code_are_required(string name, string code, string field)
    {
        var category = new Category("Debt", "debt", IssueTheme.Financial);

        Assert.Equal(field, Assert.Throws<DomainException>(() => category.Update(name, code, IssueTheme.Financial, null, true)).Field);
    }

    [Fact]
    public void An_unknown_theme_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new Category("Debt", "debt", (IssueTheme)77));

        Assert.Equal(("Select the category's theme", "Theme"), (error.Message, error.Field));
    }

    [Fact]
    public void Every_theme_has_its_own_name_and_the_financial_one_says_what_it_covers()
    {
        var names = Enum.GetValues<IssueTheme>().Select(Category.ThemeName).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Financial inclusion (debt, doorstep lending, poverty, worklessness)", Category.ThemeName(IssueTheme.Financial));
    }
}
