using AreaPartnerships.Domain.Issues;
using AreaPartnerships.Web.Features.Issues;
using AreaPartnerships.Web.Infrastructure.Security;
using static AreaPartnerships.Web.Features.Issues.WorkIssue;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Which moves the work page offers (<see cref="WorkIssue.MovesFor"/>), by the issue's status and the person.</summary>
public sealed class WorkMovesTests
{
    private const int OwnerId = 500;

    private static IReadOnlyList<Move> MovesOn(Viewer viewer, IssueStatus status, IssueLevel? level = IssueLevel.Partnership,
        int areaId = People.ThisArea, int? ownerId = OwnerId, int? lead = null, int? referred = null, DateTime? confirmedAt = null) =>
        MovesFor(viewer, areaId, ownerId, lead, referred, level, status, confirmedAt);

    [Fact]
    public void On_a_new_issue_the_area_manager_may_only_withdraw_it() =>
        Assert.Equal([Move.Withdraw], MovesOn(People.AreaManager, IssueStatus.New, level: null, ownerId: null));

    [Fact]
    public void On_a_new_issue_a_support_officer_has_no_moves() =>
        Assert.Empty(MovesOn(People.SupportOfficer, IssueStatus.New, level: null, ownerId: null));

    [Fact]
    public void A_triaged_issue_may_be_started_resolved_or_withdrawn_by_its_area_manager() =>
        Assert.Equal([Move.Start, Move.Resolve, Move.Withdraw], MovesOn(People.AreaManager, IssueStatus.Triaged));

    [Fact]
    public void An_issue_in_progress_may_be_resolved_or_withdrawn_but_not_started_again() =>
        Assert.Equal([Move.Resolve, Move.Withdraw], MovesOn(People.PartnershipManager, IssueStatus.InProgress));

    [Theory]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    public void An_open_level_1_referral_is_resolved_by_recording_the_services_confirmation(IssueStatus status)
    {
        var moves = MovesOn(People.AreaManager, status, IssueLevel.FrontLine, ownerId: null, referred: People.Police);

        Assert.Contains(Move.ConfirmReferral, moves);
        Assert.DoesNotContain(Move.Resolve, moves);
    }

    [Fact]
    public void A_resolved_issue_may_be_reopened_or_closed_by_its_area_manager() =>
        Assert.Equal([Move.Reopen, Move.Close], MovesOn(People.AreaManager, IssueStatus.Resolved));

    [Fact]
    public void A_support_officer_may_reopen_but_not_close_a_resolved_issue() =>
        Assert.Equal([Move.Reopen], MovesOn(People.SupportOfficer, IssueStatus.Resolved));

    [Fact]
    public void A_support_officer_may_work_but_not_withdraw_a_triaged_issue() =>
        Assert.Equal([Move.Start, Move.Resolve], MovesOn(People.SupportOfficer, IssueStatus.Triaged));

    [Theory]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void A_closed_or_withdrawn_issue_offers_no_moves(IssueStatus status) =>
        Assert.Empty(MovesOn(People.PartnershipManager, status));

    [Fact]
    public void The_referred_service_may_start_and_confirm_its_referral_but_not_withdraw_it() =>
        Assert.Equal([Move.Start, Move.ConfirmReferral],
            MovesOn(People.PartnerUser, IssueStatus.Triaged, IssueLevel.FrontLine, ownerId: null, referred: People.Police));

    [Fact]
    public void The_owner_from_another_area_may_work_but_not_withdraw_the_issue()
    {
        var owner = People.AreaManager;

        Assert.Equal([Move.Resolve], MovesOn(owner, IssueStatus.InProgress, IssueLevel.MultiAgency, areaId: People.OtherArea, ownerId: owner.UserId, lead: People.Police));
    }

    [Theory]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.Resolved)]
    public void A_councillor_has_no_moves_on_an_issue_in_their_ward(IssueStatus status) =>
        Assert.Empty(MovesOn(People.Councillor, status));

    [Fact]
    public void An_area_manager_has_no_moves_on_another_areas_issue() =>
        Assert.Empty(MovesOn(People.AreaManager, IssueStatus.Triaged, areaId: People.OtherArea));
}
