using AreaPartnerships.Domain.Identity;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>One <see cref="Viewer"/> per role, scoped to area 3 / ward 30 / organisation 102 unless said otherwise.</summary>
internal static class People
{
    public const int ThisArea = 3;
    public const int OtherArea = 4;
    public const int ThisWard = 30;
    public const int OtherWard = 40;
    public const int Police = 102;
    public const int Housing = 103;

    public static Viewer PartnershipManager => new(1, Roles.PartnershipManager, [], [], null, false);

    public static Viewer AreaManager => new(2, Roles.AreaManager, [ThisArea], [], null, false);

    public static Viewer SupportOfficer => new(3, Roles.SupportOfficer, [ThisArea], [], null, false);

    public static Viewer Councillor => new(4, Roles.Councillor, [], [ThisWard], null, false);

    public static Viewer PartnerUser => new(5, Roles.PartnerUser, [], [], Police, false);

    public static Viewer PartnerUserWithAgreement => new(6, Roles.PartnerUser, [], [], Police, true);

    public static Viewer Administrator => new(7, Roles.Administrator, [], [], null, false);

    public static Viewer Resident => new(8, Roles.Resident, [], [], null, false);

    /// <summary>A signed-in user whose role the app does not know (<see cref="Viewer.ForAsync"/> gives an empty role).</summary>
    public static Viewer NoRole => new(9, string.Empty, [ThisArea], [ThisWard], Police, true);

    public static Viewer ByName(string name) => name switch
    {
        nameof(PartnershipManager) => PartnershipManager,
        nameof(AreaManager) => AreaManager,
        nameof(SupportOfficer) => SupportOfficer,
        nameof(Councillor) => Councillor,
        nameof(PartnerUser) => PartnerUser,
        nameof(PartnerUserWithAgreement) => PartnerUserWithAgreement,
        nameof(Administrator) => Administrator,
        nameof(Resident) => Resident,
        nameof(NoRole) => NoRole,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
