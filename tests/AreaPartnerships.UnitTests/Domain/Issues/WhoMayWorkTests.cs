using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Start, resolve, reopen, confirm a referral (<see cref="Viewer.CanWork"/>): officers for the area, the owner, and the lead or referred partner.</summary>
public sealed class WhoMayWorkTests
{
    private const int SomeoneElse = 500;

    [Theory]
    [InlineData(nameof(People.PartnershipManager))]
    [InlineData(nameof(People.AreaManager))]
    [InlineData(nameof(People.SupportOfficer))]
    public void Officers_for_the_area_may_work_any_issue_in_it(string person) =>
        Assert.True(People.ByName(person).CanWork(People.ThisArea, SomeoneElse, null, null));

    [Theory]
    [InlineData(nameof(People.AreaManager))]
    [InlineData(nameof(People.SupportOfficer))]
    public void Area_officers_cannot_work_another_areas_issue_they_do_not_own(string person) =>
        Assert.False(People.ByName(person).CanWork(People.OtherArea, SomeoneElse, null, null));

    [Fact]
    public void The_owner_may_work_their_issue_in_any_area()
    {
        var owner = People.AreaManager;

        Assert.True(owner.CanWork(People.OtherArea, owner.UserId, null, null));
    }

    [Fact]
    public void A_partner_user_may_work_an_issue_their_organisation_leads()
    {
        Assert.True(People.PartnerUser.CanWork(People.ThisArea, SomeoneElse, People.Police, null));
        Assert.False(People.PartnerUser.CanWork(People.ThisArea, SomeoneElse, People.Housing, null));
    }

    [Fact]
    public void A_partner_user_may_work_a_referral_to_their_organisation()
    {
        Assert.True(People.PartnerUser.CanWork(People.ThisArea, null, null, People.Police));
        Assert.False(People.PartnerUser.CanWork(People.ThisArea, null, null, People.Housing));
    }

    [Fact]
    public void A_partner_user_without_an_organisation_works_only_what_they_own()
    {
        var partner = People.PartnerUser with { OrganisationId = null };

        Assert.False(partner.CanWork(People.ThisArea, SomeoneElse, null, null));
        Assert.False(partner.CanWork(People.ThisArea, null, null, null));
        Assert.True(partner.CanWork(People.ThisArea, partner.UserId, null, null));
    }

    [Theory]
    [InlineData(nameof(People.Councillor))]
    [InlineData(nameof(People.Administrator))]
    [InlineData(nameof(People.Resident))]
    public void Councillors_administrators_and_residents_cannot_work_issues_in_their_scope(string person) =>
        Assert.False(People.ByName(person).CanWork(People.ThisArea, SomeoneElse, People.Police, People.Police));

    [Fact]
    public void An_issue_with_no_owner_is_not_owned_by_anyone() =>
        Assert.False(People.Councillor.CanWork(People.ThisArea, null, null, null));
}
