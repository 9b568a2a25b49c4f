using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Who may raise an issue, and in which ward (<see cref="Viewer.CanRaiseIn"/>).</summary>
public sealed class WhoMayRaiseTests
{
    [Theory]
    [InlineData(nameof(People.PartnershipManager))]
    [InlineData(nameof(People.PartnerUser))]
    public void Borough_wide_raisers_may_raise_in_any_ward(string person)
    {
        var viewer = People.ByName(person);

        Assert.True(viewer.CanRaise);
        Assert.True(viewer.CanRaiseIn(People.OtherWard, People.OtherArea));
    }

    [Theory]
    [InlineData(nameof(People.AreaManager))]
    [InlineData(nameof(People.SupportOfficer))]
    public void Area_officers_may_raise_only_in_wards_of_their_area(string person)
    {
        var viewer = People.ByName(person);

        Assert.True(viewer.CanRaiseIn(People.OtherWard, People.ThisArea));
        Assert.False(viewer.CanRaiseIn(People.ThisWard, People.OtherArea));
    }

    [Fact]
    public void A_councillor_may_raise_only_in_their_own_wards()
    {
        Assert.True(People.Councillor.CanRaise);
        Assert.True(People.Councillor.CanRaiseIn(People.ThisWard, People.OtherArea));
        Assert.False(People.Councillor.CanRaiseIn(People.OtherWard, People.ThisArea));
    }

    [Theory]
    [InlineData(nameof(People.Administrator))]
    [InlineData(nameof(People.Resident))]
    [InlineData(nameof(People.NoRole))]
    public void Administrators_residents_and_unknown_roles_cannot_raise_on_the_staff_site(string person)
    {
        var viewer = People.ByName(person);

        Assert.False(viewer.CanRaise);
        Assert.False(viewer.CanRaiseIn(People.ThisWard, People.ThisArea));
    }
}
