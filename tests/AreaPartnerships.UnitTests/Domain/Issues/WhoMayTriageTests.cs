using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Triage and level changes, withdraw and close: the area's area manager or the partnership manager (<see cref="Viewer.CanTriage"/>).</summary>
public sealed class WhoMayTriageTests
{
    [Theory]
    [InlineData(People.ThisArea)]
    [InlineData(People.OtherArea)]
    public void The_partnership_manager_may_triage_in_any_area(int areaId)
    {
        Assert.True(People.PartnershipManager.CanTriage(areaId));
        Assert.True(People.PartnershipManager.CanWithdrawOrClose(areaId));
    }

    [Fact]
    public void An_area_manager_may_triage_in_their_own_area()
    {
        Assert.True(People.AreaManager.CanTriage(People.ThisArea));
        Assert.True(People.AreaManager.CanWithdrawOrClose(People.ThisArea));
    }

    [Fact]
    public void An_area_manager_cannot_triage_another_areas_issue()
    {
        Assert.False(People.AreaManager.CanTriage(People.OtherArea));
        Assert.False(People.AreaManager.CanWithdrawOrClose(People.OtherArea));
    }

    [Fact]
    public void An_area_manager_of_several_areas_may_triage_in_each()
    {
        var manager = People.AreaManager with { AreaIds = [People.ThisArea, People.OtherArea] };

        Assert.True(manager.CanTriage(People.ThisArea));
        Assert.True(manager.CanTriage(People.OtherArea));
        Assert.False(manager.CanTriage(99));
    }

    [Theory]
    [InlineData(nameof(People.SupportOfficer))]
    [InlineData(nameof(People.Councillor))]
    [InlineData(nameof(People.PartnerUser))]
    [InlineData(nameof(People.PartnerUserWithAgreement))]
    [InlineData(nameof(People.Administrator))]
    [InlineData(nameof(People.Resident))]
    [InlineData(nameof(People.NoRole))]
    public void No_one_else_may_triage_withdraw_or_close_even_in_their_own_area(string person)
    {
        var viewer = People.ByName(person);

        Assert.False(viewer.CanTriage(People.ThisArea));
        Assert.False(viewer.CanWithdrawOrClose(People.ThisArea));
    }
}
