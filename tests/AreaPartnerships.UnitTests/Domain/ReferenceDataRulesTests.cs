using AreaPartnerships.Domain.Areas;
using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Organisations;

namespace AreaPartnerships.UnitTests.Domain;

public sealed class ReferenceDataRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_area_needs_a_name(string name) =>
        Assert.Equal("Name", Assert.Throws<DomainException>(() => new Area(name)).Field);

    [Fact]
    public void Names_are_trimmed() =>
        Assert.Equal("South Walsall", new Area("  South Walsall ").Name);

    [Fact]
    public void A_name_longer_than_allowed_is_refused() =>
        Assert.Throws<DomainException>(() => new Area(new string('a', Area.NameMaxLength + 1)));

    [Fact]
    public void A_ward_cannot_have_a_negative_population()
    {
        var ward = new Ward("Pleck", 1);
        Assert.Equal("Population", Assert.Throws<DomainException>(() => ward.Update("Pleck", 1, -5, null, true)).Field);
    }

    [Fact]
    public void A_ward_deprivation_rank_starts_at_one()
    {
        var ward = new Ward("Pleck", 1);
        Assert.Equal("DeprivationRank", Assert.Throws<DomainException>(() => ward.Update("Pleck", 1, 12000, 0, true)).Field);
    }

    [Fact]
    public void A_front_line_service_must_say_how_to_reach_it()
    {
        var error = Assert.Throws<DomainException>(() => new Organisation("Street cleansing", OrganisationKind.CouncilService, true, " "));
        Assert.Equal("FrontLineContact", error.Field);
    }

    [Fact]
    public void An_organisation_kind_outside_the_list_is_refused() =>
        Assert.Throws<DomainException>(() => new Organisation("X", (OrganisationKind)42, false, null));

    [Fact]
    public void A_partner_need_not_be_a_front_line_service()
    {
        var police = new Organisation("West Midlands Police", OrganisationKind.Police, false, null);
        Assert.False(police.IsFrontLineService);
        Assert.Null(police.FrontLineContact);
    }
}
