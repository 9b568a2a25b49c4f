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
    public void Borough_wide_roles_need_no_scope_and_keep_none_that_is_posted(string role)
    {
        Assert.Equal(new Scope([], [], null), ScopeRules.Check(role, [], [], null), ScopeComparer);
        Assert.Equal(new Scope([], [], null), ScopeRules.Check(role, [1, 2], [7], 5), ScopeComparer);
    }

    [Fact]
    public void A_support_officer_works_in_one_area_only()
    {
        var error = Assert.Throws<DomainException>(() => ScopeRules.Check(Roles.SupportOfficer, [1, 2], [], null));
        Assert.Contains("only one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_manager_may_cover_more_than_one_area()
    {
        var scope = ScopeRules.Check(Roles.AreaManager, [1, 2, 2], [], null);

        Assert.Equal([1, 2], scope.AreaIds);
    }

    public static TheoryData<string, Scope> KeptScopes => new()
    {
        { Roles.AreaManager, new Scope([1], [], null) },
        { Roles.SupportOfficer, new Scope([1], [], null) },
        { Roles.Councillor, new Scope([], [7], null) },
        { Roles.PartnerUser, new Scope([], [], 5) },
    };

    [Theory]
    [MemberData(nameof(KeptScopes))]
    public void Each_role_keeps_only_the_scope_it_uses_and_the_rest_posted_is_cleared(string role, Scope kept) =>
        Assert.Equal(kept, ScopeRules.Check(role, [1], [7], 5), ScopeComparer);

    private static readonly IEqualityComparer<Scope> ScopeComparer = EqualityComparer<Scope>.Create(
        (a, b) => a!.AreaIds.SequenceEqual(b!.AreaIds) && a.WardIds.SequenceEqual(b.WardIds) && a.OrganisationId == b.OrganisationId,
        s => s.AreaIds.Count);

    [Fact]
    public void An_unknown_role_is_refused() =>
        Assert.Throws<DomainException>(() => ScopeRules.Check("Superuser", [], [], null));

    [Fact]
    public void Only_area_roles_keep_areas_only_councillors_keep_wards_and_only_partners_keep_an_organisation()
    {
        Assert.Equal((true, false, false), ScopeRules.Uses(Roles.AreaManager));
        Assert.Equal((true, false, false), ScopeRules.Uses(Roles.SupportOfficer));
        Assert.Equal((false, true, false), ScopeRules.Uses(Roles.Councillor));
        Assert.Equal((false, false, true), ScopeRules.Uses(Roles.PartnerUser));
        Assert.Equal((false, false, false), ScopeRules.Uses(Roles.PartnershipManager));
        Assert.Equal((false, false, false), ScopeRules.Uses(Roles.Administrator));
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
