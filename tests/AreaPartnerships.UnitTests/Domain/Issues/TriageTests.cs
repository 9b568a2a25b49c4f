using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

public sealed class TriageTests
{
    [Theory]
    [InlineData(IssueLevel.FrontLine)]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    [InlineData(IssueLevel.Borough)]
    public void Triage_places_a_new_issue_on_its_level(IssueLevel level)
    {
        var issue = TestIssues.New();

        issue.Triage(level, "Fits this level", TestIssues.AssignmentFor(level), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(level, issue.Level);
        Assert.Equal(IssueStatus.Triaged, issue.Status);
        Assert.True(issue.IsOpen);
        Assert.Equal(0, issue.StepUpCount);
        Assert.Equal(0, issue.StepDownCount);
    }

    [Fact]
    public void The_target_date_is_the_day_of_triage_plus_the_level_target()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.Partnership, "Needs partners", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager,
            new DateTime(2026, 6, 2, 14, 0, 0, DateTimeKind.Utc), targetDays: 28);

        Assert.Equal(new DateOnly(2026, 6, 30), issue.TargetDate);
    }

    [Fact]
    public void The_day_of_triage_is_the_UK_day_so_a_triage_just_after_midnight_in_summer_counts_from_that_day()
    {
        var issue = TestIssues.New();

        // 23:59 UTC on 2 June is 00:59 on 3 June in British Summer Time.
        issue.Triage(IssueLevel.Partnership, "Needs partners", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager,
            new DateTime(2026, 6, 2, 23, 59, 0, DateTimeKind.Utc), targetDays: 28);

        Assert.Equal(new DateOnly(2026, 7, 1), issue.TargetDate);
    }

    [Fact]
    public void Triage_is_on_the_timeline_with_who_when_the_level_and_the_rationale()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.Partnership, "  Repeat dumping needs partners  ", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        var triaged = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.Triaged);
        Assert.Equal(TestIssues.AreaManager, triaged.ActorId);
        Assert.Equal(TestIssues.TriagedAt, triaged.OccurredAt);
        Assert.Equal("Triaged at Level 2", triaged.Summary);
        Assert.Equal("Level", triaged.Field);
        Assert.Null(triaged.OldValue);
        Assert.Equal("Level 2", triaged.NewValue);
        Assert.Equal("Repeat dumping needs partners", triaged.Body);
        Assert.Equal(TestIssues.TriagedAt, issue.LastActivityAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rationale_is_required(string? rationale)
    {
        var issue = TestIssues.New();

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.Partnership, rationale, TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays));

        Assert.Equal("Reason", error.Field);
        Assert.Equal("Enter why the issue is at this level", error.Message);
    }

    [Fact]
    public void A_rationale_longer_than_the_limit_is_refused()
    {
        var issue = TestIssues.New();

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.Partnership, new string('r', Issue.ReasonMaxLength + 1), TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays));

        Assert.Equal("Reason", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_level_off_the_four_level_model_is_refused(int level)
    {
        var issue = TestIssues.New();

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage((IssueLevel)level, "Reason", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays));

        Assert.Equal("Level", error.Field);
        Assert.Equal("Select a level from 1 to 4", error.Message);
    }

    [Theory]
    [InlineData(IssueStatus.Triaged)]
    [InlineData(IssueStatus.InProgress)]
    [InlineData(IssueStatus.Resolved)]
    [InlineData(IssueStatus.Closed)]
    public void An_issue_that_has_been_triaged_cannot_be_triaged_again(IssueStatus status)
    {
        var issue = TestIssues.InStatus(status);

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.Borough, "Again", TestIssues.AssignmentFor(IssueLevel.Borough), TestIssues.AreaManager, TestIssues.Later, TestIssues.TargetDays));

        Assert.Equal("Level", error.Field);
        Assert.Contains("already been triaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("step up or step down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_issue_cannot_be_triaged_and_is_not_told_it_was_triaged()
    {
        var issue = TestIssues.Withdrawn();

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.Partnership, "Reason", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.Later, TestIssues.TargetDays));

        Assert.Equal("Level", error.Field);
        Assert.Equal("Only a new issue can be triaged; this one is withdrawn", error.Message);
        Assert.Null(issue.Level);
    }

    [Fact]
    public void Triage_at_level_1_refers_the_issue_to_the_front_line_service()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.FrontLine, "Simple job", TestIssues.AssignmentFor(IssueLevel.FrontLine), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(TestIssues.StreetCleansing, issue.ReferredOrganisationId);
        Assert.Equal(TestIssues.FollowUpOn, issue.FollowUpOn);
        Assert.Null(issue.OwnerId);
        Assert.Null(issue.ReferralConfirmedAt);
        var referred = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.Referred);
        Assert.Equal("Referred to Street Cleansing", referred.Summary);
        Assert.Equal("Referred to", referred.Field);
        Assert.StartsWith("Street Cleansing, follow up on 20 ", referred.NewValue, StringComparison.Ordinal);
        Assert.EndsWith(" 2026", referred.NewValue, StringComparison.Ordinal);
        Assert.DoesNotContain(issue.Events, e => e.Kind == IssueEventKind.Assigned);
    }

    [Fact]
    public void Triage_at_level_2_gives_the_issue_its_owner()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.Partnership, "Needs partners", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(TestIssues.Owner, issue.OwnerId);
        Assert.Null(issue.ReferredOrganisationId);
        var assigned = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.Assigned);
        Assert.Equal("Assigned to Asha Patel", assigned.Summary);
        Assert.Equal("Owner", assigned.Field);
        Assert.Equal("Asha Patel", assigned.NewValue);
        Assert.Equal(TestIssues.AreaManager, assigned.ActorId);
    }

    [Fact]
    public void Triage_at_level_2_with_a_task_group_links_the_issue_to_it()
    {
        var issue = TestIssues.New();
        var assignment = new Assignment(OwnerId: TestIssues.Owner, OwnerName: "Asha Patel", TaskGroupId: TestIssues.TaskGroup, TaskGroupName: "Leamore Lane ASB");

        issue.Triage(IssueLevel.Partnership, "Task group already working on it", assignment, TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(TestIssues.TaskGroup, issue.TaskGroupId);
        var linked = Assert.Single(issue.Events, e => e.Kind == IssueEventKind.LinkedToTaskGroup);
        Assert.Equal("Linked to task group Leamore Lane ASB", linked.Summary);
        Assert.Equal("Task group", linked.Field);
        Assert.Equal("Leamore Lane ASB", linked.NewValue);
    }

    [Fact]
    public void Triage_at_level_3_records_the_lead_organisation_and_the_owner()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.MultiAgency, "Several agencies", TestIssues.AssignmentFor(IssueLevel.MultiAgency), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(TestIssues.Police, issue.LeadOrganisationId);
        Assert.Equal(TestIssues.PartnerOwner, issue.OwnerId);
        var assigned = issue.Events.Where(e => e.Kind == IssueEventKind.Assigned).ToList();
        Assert.Equal(2, assigned.Count);
        Assert.Contains(assigned, e => e.Field == "Owner" && e.NewValue == "Sgt Dan Hughes");
        Assert.Contains(assigned, e => e.Field == "Lead organisation" && e.NewValue == "West Midlands Police" && e.Summary == "Lead organisation set to West Midlands Police");
    }
}
