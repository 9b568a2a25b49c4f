using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.UnitTests.Domain.TaskGroups;

public sealed class TaskGroupTests
{
    private const int Area = 3;
    private const int AreaManager = 2;
    private const int PoliceOfficer = 11;
    private const int HousingOfficer = 12;
    private const int Police = 102;
    private const int Council = 101;

    private static readonly DateTime SetUpAt = new(2026, 6, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = SetUpAt.AddDays(7);
    private static readonly DateOnly ReviewOn = new(2026, 9, 1);

    private static Lead PartnerLead => new(PoliceOfficer, "Sam Patel", Police, "West Midlands Police", IsPartner: true);

    private static Lead AreaManagerLead => new(AreaManager, "Alex Area", Council, "Communities and Partnerships", IsPartner: false);

    private static TaskGroup NewGroup(Lead? lead = null) =>
        new(Area, "  ASB around Williams Street  ", priorityId: 7, lead ?? PartnerLead, ReviewOn, AreaManager, SetUpAt);

    private static PlanAction ActionIn(PlanActionStatus status)
    {
        var action = new PlanAction("Joint patrols on Friday nights", PoliceOfficer, ReviewOn, taskGroupId: 1, meetingId: null);
        var on = DateOnly.FromDateTime(Later);
        switch (status)
        {
            case PlanActionStatus.InProgress:
                action.PostUpdate("Started", PlanActionStatus.InProgress, null, on, PoliceOfficer, Later);
                break;
            case PlanActionStatus.Blocked:
                action.PostUpdate(null, PlanActionStatus.Blocked, "Waiting for overtime approval", on, PoliceOfficer, Later);
                break;
            case PlanActionStatus.Done:
                action.PostUpdate("Four patrols done", PlanActionStatus.Done, null, on, PoliceOfficer, Later);
                break;
            case PlanActionStatus.Cancelled:
                action.PostUpdate(null, PlanActionStatus.Cancelled, "Covered by the new PCSO rota", on, AreaManager, Later);
                break;
        }

        return action;
    }

    [Fact]
    public void A_new_group_is_active_with_its_name_trimmed_its_area_priority_and_review_date()
    {
        var group = NewGroup();

        Assert.Equal("ASB around Williams Street", group.Name);
        Assert.Equal((Area, (int?)7, ReviewOn, SetUpAt), (group.AreaId, group.PriorityId, group.ReviewOn, group.CreatedAt));
        Assert.Equal(TaskGroupStatus.Active, group.Status);
        Assert.True(group.IsActive);
        Assert.Null(group.ClosingSummary);
        Assert.Null(group.ClosedAt);
    }

    [Fact]
    public void The_lead_is_a_member_from_the_start()
    {
        var group = NewGroup();

        var member = Assert.Single(group.Members);
        Assert.Equal(PoliceOfficer, member.UserId);
        Assert.Equal(SetUpAt, member.JoinedAt);
        Assert.True(group.HasMember(PoliceOfficer));
        Assert.Equal((PoliceOfficer, Police), (group.LeadUserId, group.LeadOrganisationId));
    }

    [Fact]
    public void A_partner_lead_is_recorded_as_led_by_partner_and_an_area_manager_lead_is_not()
    {
        Assert.True(NewGroup(PartnerLead).LedByPartner);

        var ledByManager = NewGroup(AreaManagerLead);
        Assert.False(ledByManager.LedByPartner);
        Assert.Equal((AreaManager, Council), (ledByManager.LeadUserId, ledByManager.LeadOrganisationId));
    }

    [Fact]
    public void Setting_up_is_on_the_timeline_with_who_when_and_the_lead()
    {
        var group = NewGroup();

        var entry = Assert.Single(group.Events);
        Assert.Equal((AreaManager, SetUpAt), (entry.ActorId, entry.OccurredAt));
        Assert.Equal("Task group set up, led by Sam Patel (West Midlands Police)", entry.Summary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string? name)
    {
        var error = Assert.Throws<DomainException>(() => new TaskGroup(Area, name, null, PartnerLead, ReviewOn, AreaManager, SetUpAt));

        Assert.Equal("Enter the task group's name", error.Message);
        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new TaskGroup(Area, new string('x', TaskGroup.NameMaxLength + 1), null, PartnerLead, ReviewOn, AreaManager, SetUpAt));

        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void Change_records_each_thing_changed_on_the_timeline()
    {
        var group = NewGroup();
        var newReview = ReviewOn.AddMonths(1);

        group.Change("Williams Street ASB", null, AreaManagerLead, newReview, AreaManager, Later);

        Assert.Equal(("Williams Street ASB", (int?)null, newReview), (group.Name, group.PriorityId, group.ReviewOn));
        Assert.Equal(
            new[]
            {
                "Task group set up, led by Sam Patel (West Midlands Police)",
                "Renamed from ‘ASB around Williams Street’ to ‘Williams Street ASB’",
                "No longer serves an area plan priority",
                "Lead changed to Alex Area (Communities and Partnerships)",
                "Review date changed from 1 September 2026 to 1 October 2026",
            },
            group.Events.Select(e => e.Summary));
        Assert.All(group.Events.Skip(1), e => Assert.Equal((AreaManager, Later), (e.ActorId, e.OccurredAt)));
    }

    [Fact]
    public void Change_with_nothing_different_records_nothing()
    {
        var group = NewGroup();

        group.Change("ASB around Williams Street", 7, PartnerLead, ReviewOn, AreaManager, Later);

        Assert.Single(group.Events);
    }

    [Fact]
    public void A_new_lead_becomes_a_member_and_decides_who_the_group_is_led_by()
    {
        var group = NewGroup(PartnerLead);

        group.Change(group.Name, group.PriorityId, AreaManagerLead, ReviewOn, AreaManager, Later);

        Assert.False(group.LedByPartner);
        Assert.True(group.HasMember(AreaManager));
        Assert.True(group.HasMember(PoliceOfficer));
        Assert.Equal((AreaManager, Council), (group.LeadUserId, group.LeadOrganisationId));
    }

    [Fact]
    public void Change_refuses_a_blank_name_and_changes_nothing()
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.Change(" ", null, AreaManagerLead, ReviewOn.AddDays(1), AreaManager, Later));

        Assert.Equal("Name", error.Field);
        Assert.Equal(("ASB around Williams Street", (int?)7, PoliceOfficer, ReviewOn), (group.Name, group.PriorityId, group.LeadUserId, group.ReviewOn));
        Assert.Single(group.Events);
    }

    [Fact]
    public void Adding_a_member_is_on_the_timeline()
    {
        var group = NewGroup();

        group.AddMember(HousingOfficer, "Jo Housing", AreaManager, Later);

        Assert.True(group.HasMember(HousingOfficer));
        Assert.Equal(Later, group.Members.Single(m => m.UserId == HousingOfficer).JoinedAt);
        var entry = group.Events.Last();
        Assert.Equal(("Jo Housing joined the group", AreaManager, Later), (entry.Summary, entry.ActorId, entry.OccurredAt));
    }

    [Fact]
    public void A_person_cannot_be_added_twice()
    {
        var group = NewGroup();
        group.AddMember(HousingOfficer, "Jo Housing", AreaManager, Later);

        var error = Assert.Throws<DomainException>(() => group.AddMember(HousingOfficer, "Jo Housing", AreaManager, Later));

        Assert.Equal("Jo Housing is already a member", error.Message);
        Assert.Equal("UserId", error.Field);
        Assert.Equal(2, group.Members.Count);
    }

    [Fact]
    public void Removing_a_member_is_on_the_timeline()
    {
        var group = NewGroup();
        group.AddMember(HousingOfficer, "Jo Housing", AreaManager, Later);

        group.RemoveMember(HousingOfficer, "Jo Housing", AreaManager, Later.AddDays(1));

        Assert.False(group.HasMember(HousingOfficer));
        Assert.Equal("Jo Housing left the group", group.Events.Last().Summary);
    }

    [Fact]
    public void The_lead_cannot_be_removed()
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.RemoveMember(PoliceOfficer, "Sam Patel", AreaManager, Later));

        Assert.Equal("Sam Patel leads the group: choose another lead before removing them", error.Message);
        Assert.True(group.HasMember(PoliceOfficer));
    }

    [Fact]
    public void Someone_who_is_not_a_member_cannot_be_removed()
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.RemoveMember(HousingOfficer, "Jo Housing", AreaManager, Later));

        Assert.Equal("Jo Housing is not a member", error.Message);
    }

    [Fact]
    public void A_closed_group_cannot_change_its_members_or_details()
    {
        var group = NewGroup();
        group.AddMember(HousingOfficer, "Jo Housing", AreaManager, Later);
        group.Close("Patrols reduced reports by half", [], AreaManager, Later);

        const string closed = "This task group is closed: it cannot be changed";
        Assert.Equal(closed, Assert.Throws<DomainException>(() => group.AddMember(13, "Chris Fire", AreaManager, Later)).Message);
        Assert.Equal(closed, Assert.Throws<DomainException>(() => group.RemoveMember(HousingOfficer, "Jo Housing", AreaManager, Later)).Message);
        Assert.Equal(closed, Assert.Throws<DomainException>(() => group.Change("New name", null, PartnerLead, ReviewOn, AreaManager, Later)).Message);
        Assert.Equal(closed, Assert.Throws<DomainException>(() => group.Close("Again", [], AreaManager, Later)).Message);
        Assert.Equal(2, group.Members.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Closing_needs_a_summary(string? summary)
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.Close(summary, [], AreaManager, Later));

        Assert.Equal("Enter a closing summary: what the group achieved", error.Message);
        Assert.Equal("ClosingSummary", error.Field);
        Assert.True(group.IsActive);
    }

    [Theory]
    [InlineData(PlanActionStatus.NotStarted)]
    [InlineData(PlanActionStatus.InProgress)]
    [InlineData(PlanActionStatus.Blocked)]
    public void A_group_cannot_close_while_an_action_is_open(PlanActionStatus status)
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.Close("Done what we could", [ActionIn(PlanActionStatus.Done), ActionIn(status)], AreaManager, Later));

        Assert.Equal("1 action is still open: mark it done, or cancel it with a reason, before closing the group", error.Message);
        Assert.True(group.IsActive);
        Assert.Null(group.ClosingSummary);
        Assert.Single(group.Events);
    }

    [Fact]
    public void The_refusal_counts_every_open_action()
    {
        var group = NewGroup();

        var error = Assert.Throws<DomainException>(() => group.Close("Done what we could",
            [ActionIn(PlanActionStatus.NotStarted), ActionIn(PlanActionStatus.InProgress), ActionIn(PlanActionStatus.Blocked)], AreaManager, Later));

        Assert.Equal("3 actions are still open: mark each done, or cancel it with a reason, before closing the group", error.Message);
    }

    [Fact]
    public void A_group_closes_once_every_action_is_done_or_cancelled_with_its_summary_on_the_timeline()
    {
        var group = NewGroup();

        group.Close("  Reports down by half; patrols now routine  ", [ActionIn(PlanActionStatus.Done), ActionIn(PlanActionStatus.Cancelled)], AreaManager, Later);

        Assert.Equal(TaskGroupStatus.Closed, group.Status);
        Assert.False(group.IsActive);
        Assert.Equal("Reports down by half; patrols now routine", group.ClosingSummary);
        Assert.Equal(Later, group.ClosedAt);
        var entry = group.Events.Last();
        Assert.Equal(("Task group closed", "Reports down by half; patrols now routine", AreaManager, Later), (entry.Summary, entry.Body, entry.ActorId, entry.OccurredAt));
    }

    [Fact]
    public void A_group_with_no_actions_can_close()
    {
        var group = NewGroup();

        group.Close("Not needed after all", [], AreaManager, Later);

        Assert.Equal(TaskGroupStatus.Closed, group.Status);
    }

    [Fact]
    public void The_review_is_overdue_only_after_the_review_date()
    {
        var group = NewGroup();

        Assert.False(group.IsReviewOverdue(ReviewOn.AddDays(-1)));
        Assert.False(group.IsReviewOverdue(ReviewOn));
        Assert.True(group.IsReviewOverdue(ReviewOn.AddDays(1)));
    }

    [Fact]
    public void A_closed_group_is_never_overdue_for_review()
    {
        var group = NewGroup();
        group.Close("Finished", [], AreaManager, Later);

        Assert.False(group.IsReviewOverdue(ReviewOn.AddYears(1)));
    }

    [Fact]
    public void Record_puts_an_entry_from_elsewhere_on_the_group_timeline()
    {
        var group = NewGroup();

        group.Record(HousingOfficer, Later, "Issue AP-2026-00042 linked to the group", body: "Details", planActionId: 5);

        var entry = group.Events.Last();
        Assert.Equal(("Issue AP-2026-00042 linked to the group", "Details", 5, HousingOfficer, Later),
            (entry.Summary, entry.Body, entry.PlanActionId, entry.ActorId, entry.OccurredAt));
    }
}
