using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class StepUpAndDownTests
{
    private const int Manager = TestIssues.AreaManager;
    private const int Days = TestIssues.TargetDays;
    private static readonly DateTime At = TestIssues.Later;

    [Fact]
    public void Stepping_up_moves_the_issue_to_the_higher_level_and_counts_the_step()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.Partnership, "Keeps coming back", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days);

        Assert.Equal(IssueLevel.Partnership, issue.Level);
        Assert.Equal(IssueStatus.Triaged, issue.Status);
        Assert.Equal(1, issue.StepUpCount);
        Assert.Equal(0, issue.StepDownCount);
    }

    [Fact]
    public void Stepping_down_moves_the_issue_to_the_lower_level_and_counts_the_step()
    {
        var issue = TestIssues.Triaged(IssueLevel.MultiAgency);

        issue.StepDown(IssueLevel.Partnership, "Police no longer needed", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days);

        Assert.Equal(IssueLevel.Partnership, issue.Level);
        Assert.Equal(0, issue.StepUpCount);
        Assert.Equal(1, issue.StepDownCount);
    }

    [Fact]
    public void A_step_may_skip_levels()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.Borough, "Borough-wide pattern", TestIssues.AssignmentFor(IssueLevel.Borough), Manager, At, Days);

        Assert.Equal(IssueLevel.Borough, issue.Level);
        Assert.Equal(1, issue.StepUpCount);
    }

    [Fact]
    public void Steps_up_and_down_are_counted_separately()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        issue.StepUp(IssueLevel.MultiAgency, "Up", TestIssues.AssignmentFor(IssueLevel.MultiAgency), Manager, At, Days);
        issue.StepDown(IssueLevel.Partnership, "Down", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At.AddDays(1), Days);
        issue.StepUp(IssueLevel.Borough, "Up again", TestIssues.AssignmentFor(IssueLevel.Borough), Manager, At.AddDays(2), Days);

        Assert.Equal(2, issue.StepUpCount);
        Assert.Equal(1, issue.StepDownCount);
        Assert.Equal(IssueLevel.Borough, issue.Level);
    }

    [Fact]
    public void A_step_up_is_on_the_timeline_with_the_old_and_new_level_and_the_reason()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.Partnership, " Keeps coming back ", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days);

        var step = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.SteppedUp);
        Assert.Equal("Stepped up from Level 1 to Level 2", step.Summary);
        Assert.Equal("Level", step.Field);
        Assert.Equal("Level 1", step.OldValue);
        Assert.Equal("Level 2", step.NewValue);
        Assert.Equal("Keeps coming back", step.Body);
        Assert.Equal(Manager, step.ActorId);
        Assert.Equal(At, step.OccurredAt);
        Assert.Equal(At, issue.LastActivityAt);
    }

    [Fact]
    public void A_step_down_is_on_the_timeline_with_the_old_and_new_level_and_the_reason()
    {
        var issue = TestIssues.Triaged(IssueLevel.Borough);

        issue.StepDown(IssueLevel.MultiAgency, "Police can lead it", TestIssues.AssignmentFor(IssueLevel.MultiAgency), Manager, At, Days);

        var step = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.SteppedDown);
        Assert.Equal("Stepped down from Level 4 to Level 3", step.Summary);
        Assert.Equal("Level 4", step.OldValue);
        Assert.Equal("Level 3", step.NewValue);
        Assert.Equal("Police can lead it", step.Body);
    }

    [Fact]
    public void A_step_sets_a_new_target_date_from_the_new_level()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.Partnership, "Keeps coming back", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager,
            new DateTime(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc), targetDays: 30);

        Assert.Equal(new DateOnly(2026, 7, 10), issue.TargetDate);
    }

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.FrontLine)]
    public void A_step_up_must_go_higher(IssueLevel to)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.StepUp(to, "Reason", TestIssues.AssignmentFor(to), Manager, At, Days));

        Assert.Equal("Level", error.Field);
        Assert.Equal("A step up must go to a higher level than Level 2", error.Message);
    }

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    public void A_step_down_must_go_lower(IssueLevel to)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.StepDown(to, "Reason", TestIssues.AssignmentFor(to), Manager, At, Days));

        Assert.Equal("Level", error.Field);
        Assert.Equal("A step down must go to a lower level than Level 2", error.Message);
    }

    [Fact]
    public void A_step_to_a_level_off_the_model_is_refused()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() => issue.StepUp((IssueLevel)5, "Reason", TestIssues.AssignmentFor(IssueLevel.Borough), Manager, At, Days));

        Assert.Equal("Select a level from 1 to 4", error.Message);
    }

    [Theory]
    [InlineData(null, true, "Enter why the issue is being stepped up")]
    [InlineData("  ", true, "Enter why the issue is being stepped up")]
    [InlineData(null, false, "Enter why the issue is being stepped down")]
    [InlineData("", false, "Enter why the issue is being stepped down")]
    public void A_step_needs_a_reason(string? reason, bool up, string message)
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() =>
        {
            if (up)
            {
                issue.StepUp(IssueLevel.MultiAgency, reason, TestIssues.AssignmentFor(IssueLevel.MultiAgency), Manager, At, Days);
            }
            else
            {
                issue.StepDown(IssueLevel.FrontLine, reason, TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, Days);
            }
        });

        Assert.Equal("Reason", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_step_must_come_with_whoever_acts_at_the_new_level()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        var error = Assert.Throws<DomainException>(() =>
            issue.StepUp(IssueLevel.MultiAgency, "Needs the police", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days));

        Assert.Equal("LeadOrganisationId", error.Field);
    }

    [Fact]
    public void An_untriaged_issue_cannot_be_stepped_up_or_down()
    {
        var issue = TestIssues.New();

        var up = Assert.Throws<DomainException>(() => issue.StepUp(IssueLevel.Partnership, "Reason", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days));
        var down = Assert.Throws<DomainException>(() => issue.StepDown(IssueLevel.FrontLine, "Reason", TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, Days));

        Assert.Equal("Triage the issue first: a level is set by triage, then stepped up or down", up.Message);
        Assert.Equal(up.Message, down.Message);
        Assert.Equal("Level", up.Field);
    }

    [Fact]
    public void An_issue_in_progress_can_be_stepped_up()
    {
        var issue = TestIssues.InProgress(IssueLevel.Partnership);

        issue.StepUp(IssueLevel.MultiAgency, "Needs the police", TestIssues.AssignmentFor(IssueLevel.MultiAgency), Manager, At, Days);

        Assert.Equal(IssueLevel.MultiAgency, issue.Level);
        Assert.Equal(IssueStatus.InProgress, issue.Status);
    }

    [Fact]
    public void A_resolved_issue_must_be_reopened_before_its_level_changes()
    {
        var issue = TestIssues.Resolved(IssueLevel.Partnership);

        var error = Assert.Throws<DomainException>(() =>
            issue.StepUp(IssueLevel.MultiAgency, "Came back", TestIssues.AssignmentFor(IssueLevel.MultiAgency), Manager, At, Days));

        Assert.Equal("Level", error.Field);
        Assert.Equal("The level of a resolved issue cannot change: reopen it first", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    public void The_level_of_a_closed_or_withdrawn_issue_cannot_change(IssueStatus status)
    {
        var issue = TestIssues.Closed();
        if (status == IssueStatus.Withdrawn)
        {
            issue = TestIssues.Triaged(IssueLevel.Partnership);
            issue.Withdraw("Not for the partnership", null, Manager, At);
        }

        var error = Assert.Throws<DomainException>(() =>
            issue.StepDown(IssueLevel.FrontLine, "Simple now", TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, Days));

        Assert.Equal("Level", error.Field);
        Assert.StartsWith($"The level of a {Issue.StatusName(status).ToLowerInvariant()} issue cannot change", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reopen", error.Message, StringComparison.Ordinal);
        Assert.Equal(IssueLevel.Partnership, issue.Level);
    }

    [Fact]
    public void Stepping_up_from_level_1_ends_the_referral_and_gives_the_issue_an_owner()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.Partnership, "Keeps coming back", TestIssues.AssignmentFor(IssueLevel.Partnership), Manager, At, Days);

        Assert.Null(issue.ReferredOrganisationId);
        Assert.Null(issue.FollowUpOn);
        Assert.Equal(TestIssues.Owner, issue.OwnerId);
        Assert.Contains(issue.Events, e => e.Kind == IssueEventKind.Assigned && e.NewValue == "Asha Patel" && e.OccurredAt == At);
    }

    [Fact]
    public void Stepping_down_to_level_1_removes_the_owner_and_lead_and_refers_the_issue()
    {
        var issue = TestIssues.Triaged(IssueLevel.MultiAgency);

        issue.StepDown(IssueLevel.FrontLine, "A simple job after all", TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, Days);

        Assert.Null(issue.OwnerId);
        Assert.Null(issue.LeadOrganisationId);
        Assert.Equal(TestIssues.StreetCleansing, issue.ReferredOrganisationId);
        Assert.Contains(issue.Events, e => e.Kind == IssueEventKind.Assigned && e.Summary == "Owner removed" && e.OccurredAt == At);
        Assert.Contains(issue.Events, e => e.Kind == IssueEventKind.Referred && e.OccurredAt == At);
    }

    [Fact]
    public void Keeping_the_same_owner_on_a_step_adds_no_assignment_entry()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);
        var assignedBefore = issue.Events.Count(e => e.Kind == IssueEventKind.Assigned);

        issue.StepUp(IssueLevel.Borough, "Borough-wide", new Assignment(OwnerId: TestIssues.Owner, OwnerName: "Asha Patel"), Manager, At, Days);

        Assert.Equal(assignedBefore, issue.Events.Count(e => e.Kind == IssueEventKind.Assigned));
        Assert.Single(issue.Events, e => e.Kind == IssueEventKind.SteppedUp);
    }

    [Fact]
    public void Every_change_of_who_acts_is_on_the_timeline_as_old_to_new_including_what_was_removed()
    {
        var issue = TestIssues.Triaged(IssueLevel.FrontLine);

        issue.StepUp(IssueLevel.MultiAgency, "Needs the police", new Assignment(TestIssues.PartnerOwner, "PC Ellis", TestIssues.Police, "Police"), Manager, At, Days);

        var referral = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.Referred && e.OccurredAt == At);
        Assert.Equal(("Referral to a front-line service ended", "Referred to", (string?)null), (referral.Summary, referral.Field, referral.NewValue));
        var entries = issue.Events.Where(e => e.Kind == IssueEventKind.Assigned && e.OccurredAt == At).Select(e => (e.Field, e.NewValue)).ToList();
        Assert.Equal([("Owner", "PC Ellis"), ("Lead organisation", "Police")], entries);
    }

    [Fact]
    public void A_new_follow_up_date_for_the_same_service_is_on_the_timeline_in_UK_date_form()
    {
        var issue = TestIssues.Triaged(IssueLevel.Partnership);

        issue.StepDown(IssueLevel.FrontLine, "A simple job after all", TestIssues.AssignmentFor(IssueLevel.FrontLine), Manager, At, Days);

        var referral = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.Referred && e.OccurredAt == At);
        Assert.Equal("Street Cleansing, follow up on 20 June 2026", referral.NewValue);
    }
}
