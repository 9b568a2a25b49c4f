using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Who may add a note to an issue they can see (<see cref="Viewer.CanAddNote"/>).</summary>
public sealed class WhoMayAddNotesTests
{
    [Theory]
    [InlineData(nameof(People.PartnershipManager))]
    [InlineData(nameof(People.AreaManager))]
    [InlineData(nameof(People.SupportOfficer))]
    [InlineData(nameof(People.Councillor))]
    [InlineData(nameof(People.PartnerUser))]
    public void Everyone_who_can_see_issues_may_add_notes(string person) =>
        Assert.True(People.ByName(person).CanAddNote);

    [Theory]
    [InlineData(nameof(People.Administrator))]
    [InlineData(nameof(People.Resident))]
    public void Administrators_and_residents_may_not_add_notes(string person) =>
        Assert.False(People.ByName(person).CanAddNote);
}
