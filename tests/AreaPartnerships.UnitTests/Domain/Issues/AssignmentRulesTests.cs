using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Issues;

namespace AreaPartnerships.UnitTests.Domain.Issues;

/// <summary>Who acts at each level (<see cref="Assignment.CheckFor"/>), as triage and every step apply it.</summary>
public sealed class AssignmentRulesTests
{
    private static readonly DateOnly FollowUp = new(2026, 7, 1);

    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData(IssueLevel.FrontLine)]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    [InlineData(IssueLevel.Borough)]
    public void The_assignment_each_level_needs_is_accepted_and_given_the_issue(IssueLevel level)
    {
        var assignment = TestIssues.AssignmentFor(level);
        var issue = TestIssues.New();

        issue.Triage(level, "Fits this level", assignment, TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(level, issue.Level);
        Assert.Equal(IssueStatus.Triaged, issue.Status);
        Assert.Equal(assignment.OwnerId, issue.OwnerId);
        Assert.Equal(assignment.LeadOrganisationId, issue.LeadOrganisationId);
        Assert.Equal(assignment.ReferredOrganisationId, issue.ReferredOrganisationId);
        Assert.Equal(assignment.FollowUpOn, issue.FollowUpOn);
    }

    [Fact]
    public void Level_1_needs_the_front_line_service_it_is_referred_to()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(FollowUpOn: FollowUp).CheckFor(IssueLevel.FrontLine, Today));

        Assert.Equal("ReferredOrganisationId", error.Field);
        Assert.Equal("Select the front-line service the issue is referred to", error.Message);
    }

    [Fact]
    public void Level_1_needs_a_follow_up_date()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(ReferredOrganisationId: 101).CheckFor(IssueLevel.FrontLine, Today));

        Assert.Equal("FollowUpOn", error.Field);
        Assert.Equal("Enter the date to follow the referral up", error.Message);
    }

    public static TheoryData<Assignment> Level1WithSomeoneElse => new()
    {
        new Assignment(OwnerId: 31, ReferredOrganisationId: 101, FollowUpOn: FollowUp),
        new Assignment(LeadOrganisationId: 102, ReferredOrganisationId: 101, FollowUpOn: FollowUp),
        new Assignment(TaskGroupId: 201, ReferredOrganisationId: 101, FollowUpOn: FollowUp),
    };

    [Theory]
    [MemberData(nameof(Level1WithSomeoneElse))]
    public void Level_1_goes_to_the_service_not_to_an_owner_lead_or_task_group(Assignment assignment)
    {
        var error = Assert.Throws<DomainException>(() => assignment.CheckFor(IssueLevel.FrontLine, Today));

        Assert.Equal("OwnerId", error.Field);
        Assert.Equal("A Level 1 issue goes to a front-line service, not an owner or task group", error.Message);
    }

    [Fact]
    public void Level_2_needs_an_owner()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(TaskGroupId: 201).CheckFor(IssueLevel.Partnership, Today));

        Assert.Equal("OwnerId", error.Field);
        Assert.Equal("Select who owns the issue: the area manager or a named person in a lead partner", error.Message);
    }

    [Fact]
    public void Level_2_may_have_a_lead_partner_and_a_task_group_besides_its_owner()
    {
        var issue = TestIssues.New();

        issue.Triage(IssueLevel.Partnership, "Needs the partnership", new Assignment(OwnerId: 31, LeadOrganisationId: 102, TaskGroupId: 201),
            TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays);

        Assert.Equal(31, issue.OwnerId);
        Assert.Equal(102, issue.LeadOrganisationId);
        Assert.Equal(201, issue.TaskGroupId);
    }

    [Theory]
    [InlineData(IssueLevel.Partnership)]
    [InlineData(IssueLevel.MultiAgency)]
    [InlineData(IssueLevel.Borough)]
    public void Only_level_1_is_referred_to_a_front_line_service(IssueLevel level)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Assignment(OwnerId: 31, LeadOrganisationId: 102, ReferredOrganisationId: 101, FollowUpOn: FollowUp).CheckFor(level, Today));

        Assert.Equal("ReferredOrganisationId", error.Field);
        Assert.Equal("Only a Level 1 issue is referred to a front-line service", error.Message);
    }

    [Fact]
    public void Level_3_needs_a_lead_organisation()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(OwnerId: 31).CheckFor(IssueLevel.MultiAgency, Today));

        Assert.Equal("LeadOrganisationId", error.Field);
        Assert.Equal("Select the lead organisation or service", error.Message);
    }

    [Fact]
    public void Level_3_needs_an_owner_in_the_lead_organisation()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(LeadOrganisationId: 102).CheckFor(IssueLevel.MultiAgency, Today));

        Assert.Equal("OwnerId", error.Field);
        Assert.Equal("Select who owns the issue in the lead organisation", error.Message);
    }

    [Fact]
    public void Level_4_needs_the_partnership_manager_as_owner()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(LeadOrganisationId: 102).CheckFor(IssueLevel.Borough, Today));

        Assert.Equal("OwnerId", error.Field);
        Assert.Contains("partnership manager", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_1_follows_up_today_or_later()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Assignment(ReferredOrganisationId: 101, FollowUpOn: Today.AddDays(-1)).CheckFor(IssueLevel.FrontLine, Today));

        Assert.Equal("FollowUpOn", error.Field);
        Assert.Equal("The follow-up date must be today or in the future", error.Message);
    }

    [Theory]
    [InlineData(IssueLevel.MultiAgency)]
    [InlineData(IssueLevel.Borough)]
    public void Only_level_2_is_worked_through_a_task_group(IssueLevel level)
    {
        var assignment = TestIssues.AssignmentFor(level) with { TaskGroupId = 201 };

        var error = Assert.Throws<DomainException>(() => assignment.CheckFor(level, Today));

        Assert.Equal("TaskGroupId", error.Field);
    }

    [Fact]
    public void Level_4_is_owned_by_a_partnership_manager_not_anyone_else()
    {
        var error = Assert.Throws<DomainException>(() => new Assignment(OwnerId: 31, OwnerRole: "AreaManager").CheckFor(IssueLevel.Borough, Today));

        Assert.Equal(("OwnerId", "A Level 4 issue is owned by the partnership manager: select them"), (error.Field, error.Message));
    }

    [Fact]
    public void Triage_applies_the_level_rules()
    {
        var issue = TestIssues.New();

        var error = Assert.Throws<DomainException>(() =>
            issue.Triage(IssueLevel.FrontLine, "Simple job", TestIssues.AssignmentFor(IssueLevel.Partnership), TestIssues.AreaManager, TestIssues.TriagedAt, TestIssues.TargetDays));

        Assert.Equal("ReferredOrganisationId", error.Field);
    }
}
