using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Identity;

namespace AreaPartnerships.UnitTests.Domain;

public sealed class ScopeRulesTests
{
    [Theory]
    [InlineData(Roles.AreaManager, "AreaIds")]
    [InlineData(Roles.SupportOfficer, "AreaIds")]
    [InlineData(Roles.Councillor, "WardIds")]
    [InlineData(Roles.PartnerUser, "OrganisationId")]
    public void A_scoped_role_without_its_scope_is_refused_at_the_right_field(string role, string field)
    {
        var error = Assert.Throws<DomainException>(() => ScopeRules.Check(role, [], [], null));
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PartnershipManager)]
    public void Borough_wide_roles_need_no_scope(string role) =>
        ScopeRules.Check(role, [], [], null);

    [Fact]
    public void A_support_officer_works_in_one_area_only()
    {
        var error = Assert.Throws<DomainException>(() => ScopeRules.Check(Roles.SupportOfficer, [1, 2], [], null));
        Assert.Contains("only one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_manager_may_cover_more_than_one_area() =>
        ScopeRules.Check(Roles.AreaManager, [1, 2], [], null);

    [Fact]
    public void An_unknown_role_is_refused() =>
        Assert.Throws<DomainException>(() => ScopeRules.Check("Superuser", [], [], null));

    [Fact]
    public void Only_area_roles_keep_areas_and_only_councillors_keep_wards()
    {
        Assert.Equal((true, false), ScopeRules.Uses(Roles.AreaManager));
        Assert.Equal((false, true), ScopeRules.Uses(Roles.Councillor));
        Assert.Equal((false, false), ScopeRules.Uses(Roles.PartnerUser));
    }

    [Fact]
    public void Setting_scopes_replaces_the_previous_ones_without_duplicates()
    {
        var user = new ApplicationUser("a@b.test", "Ann");
        user.SetAreas([1, 2, 2]);
        user.SetAreas([2, 3]);

        Assert.Equal([2, 3], user.Areas.Select(a => a.AreaId).Order());
    }
}
