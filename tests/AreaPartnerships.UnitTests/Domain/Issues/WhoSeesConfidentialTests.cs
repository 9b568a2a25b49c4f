using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Confidential issues and notes (<see cref="Viewer.SeesConfidential"/>): officers, and partners only with a confidentiality agreement.</summary>
public sealed class WhoSeesConfidentialTests
{
    [Theory]
    [InlineData(nameof(People.PartnershipManager))]
    [InlineData(nameof(People.AreaManager))]
    [InlineData(nameof(People.SupportOfficer))]
    public void Officers_see_confidential_material(string person)
    {
        var viewer = People.ByName(person);

        Assert.True(viewer.SeesConfidential);
        Assert.True(viewer.IsOfficer);
    }

    [Fact]
    public void A_partner_user_with_a_confidentiality_agreement_sees_confidential_material() =>
        Assert.True(People.PartnerUserWithAgreement.SeesConfidential);

    [Fact]
    public void A_partner_user_without_an_agreement_does_not_see_confidential_material()
    {
        Assert.False(People.PartnerUser.SeesConfidential);
        Assert.False(People.PartnerUser.IsOfficer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_councillor_never_sees_confidential_material(bool agreement) =>
        Assert.False((People.Councillor with { HasConfidentialityAgreement = agreement }).SeesConfidential);

    [Theory]
    [InlineData(nameof(People.Administrator))]
    [InlineData(nameof(People.Resident))]
    [InlineData(nameof(People.NoRole))]
    public void Administrators_residents_and_unknown_roles_do_not_see_confidential_material(string person) =>
        Assert.False(People.ByName(person).SeesConfidential);
}
