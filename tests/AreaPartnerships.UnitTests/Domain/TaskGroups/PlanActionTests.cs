using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.UnitTests.Domain.TaskGroups;

public sealed class PlanActionTests
{
    private const int Owner = 11;
    private const int Lead = 12;
    private const int Group = 5;
    private static readonly DateOnly Due = new(2026, 6, 16);
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly DateTime Now = new(2026, 6, 2, 9, 30, 0, DateTimeKind.Utc);

    private static PlanAction NewAction(string description = "Visit the six households on Williams Street") =>
        new(description, Owner, Due, Group, meetingId: null, issueId: 42);

    private static PlanAction InStatus(PlanActionStatus status)
    {
        var action = NewAction();
        if (status != PlanActionStatus.NotStarted)
        {
            action.PostUpdate(null, status, status is PlanActionStatus.Blocked or PlanActionStatus.Cancelled ? "Waiting for housing" : null, Today, Owner, Now);
        }

        return action;
    }

    [Fact]
    public void A_new_action_is_not_started_with_its_owner_due_date_group_and_issue()
    {
        var action = NewAction("  Visit the six households  ");

        Assert.Equal("Visit the six households", action.Description);
        Assert.Equal((Owner, Due, (int?)Group, (int?)null, (int?)42), (action.OwnerId, action.DueOn, action.TaskGroupId, action.MeetingId, action.IssueId));
        Assert.Equal(PlanActionStatus.NotStarted, action.Status);
        Assert.True(action.IsOpen);
        Assert.Null(action.CompletedAt);
        Assert.Empty(action.Updates);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_action_needs_a_description(string? description)
    {
        var error = Assert.Throws<DomainException>(() => new PlanAction(description, Owner, Due, Group, null));

        Assert.Equal(("Describe the action", "Description"), (error.Message, error.Field));
    }

    [Fact]
    public void A_description_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new PlanAction(new string('x', PlanAction.DescriptionMaxLength + 1), Owner, Due, Group, null));

        Assert.Equal("Description", error.Field);
        Assert.Contains("1000 characters or fewer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_action_can_be_changed()
    {
        var action = InStatus(PlanActionStatus.Blocked);

        action.Change(" Visit with the PCSO ", Lead, Due.AddDays(7), null);

        Assert.Equal(("Visit with the PCSO", Lead, Due.AddDays(7), (int?)null), (action.Description, action.OwnerId, action.DueOn, action.IssueId));
    }

    [Fact]
    public void A_change_still_needs_a_description()
    {
        var action = NewAction();

        Assert.Equal("Description", Assert.Throws<DomainException>(() => action.Change(" ", Owner, Due, null)).Field);
        Assert.Equal("Visit the six households on Williams Street", action.Description);
    }

    [Theory]
    [InlineData(PlanActionStatus.Done, "This action is done: it can no longer be changed")]
    [InlineData(PlanActionStatus.Cancelled, "This action is cancelled: it can no longer be changed")]
    public void A_done_or_cancelled_action_cannot_be_changed(PlanActionStatus status, string message)
    {
        var action = InStatus(status);

        var error = Assert.Throws<DomainException>(() => action.Change("Something else", Lead, Due.AddDays(7), null));

        Assert.Equal((message, "Status"), (error.Message, error.Field));
        Assert.Equal((Owner, Due), (action.OwnerId, action.DueOn));
    }

    [Fact]
    public void A_progress_update_without_a_status_change_needs_text()
    {
        var action = InStatus(PlanActionStatus.InProgress);

        var same = Assert.Throws<DomainException>(() => action.PostUpdate("  ", PlanActionStatus.InProgress, null, Today, Owner, Now));
        var none = Assert.Throws<DomainException>(() => action.PostUpdate(null, null, null, Today, Owner, Now));

        Assert.Equal(("Enter the progress update", "Text"), (same.Message, same.Field));
        Assert.Equal("Text", none.Field);
        Assert.Single(action.Updates);
    }

    [Fact]
    public void A_progress_update_keeps_the_text_who_and_when_without_changing_the_status()
    {
        var action = InStatus(PlanActionStatus.InProgress);

        var update = action.PostUpdate(" Visited four of six ", PlanActionStatus.InProgress, null, Today, Lead, Now);

        Assert.Equal(("Visited four of six", Today, Lead, Now, (PlanActionStatus?)null), (update.Text, update.UpdateOn, update.ById, update.RecordedAt, update.NewStatus));
        Assert.Equal(PlanActionStatus.InProgress, action.Status);
        Assert.Equal(2, action.Updates.Count);
    }

    [Fact]
    public void A_status_change_needs_no_text_and_says_what_changed()
    {
        var action = NewAction();

        var update = action.PostUpdate(null, PlanActionStatus.InProgress, null, Today, Owner, Now);

        Assert.Equal(PlanActionStatus.InProgress, action.Status);
        Assert.Equal(("Marked in progress", (PlanActionStatus?)PlanActionStatus.InProgress), (update.Text, update.NewStatus));
    }

    [Theory]
    [InlineData(PlanActionStatus.Blocked, "Enter what is blocking the action")]
    [InlineData(PlanActionStatus.Cancelled, "Enter why the action is cancelled")]
    public void Blocking_or_cancelling_needs_a_reason(PlanActionStatus status, string message)
    {
        var action = InStatus(PlanActionStatus.InProgress);

        var error = Assert.Throws<DomainException>(() => action.PostUpdate("Stuck", status, " ", Today, Owner, Now));

        Assert.Equal((message, "Reason"), (error.Message, error.Field));
        Assert.Equal(PlanActionStatus.InProgress, action.Status);
        Assert.Single(action.Updates);
    }

    [Fact]
    public void A_blocked_action_keeps_its_reason_until_it_moves_on()
    {
        var action = InStatus(PlanActionStatus.InProgress);

        action.PostUpdate(null, PlanActionStatus.Blocked, " Waiting for the landlord ", Today, Owner, Now);
        Assert.Equal((PlanActionStatus.Blocked, "Waiting for the landlord"), (action.Status, action.StatusReason));
        Assert.True(action.IsOpen);

        action.PostUpdate("Landlord replied", PlanActionStatus.InProgress, null, Today, Owner, Now);
        Assert.Equal((PlanActionStatus.InProgress, (string?)null), (action.Status, action.StatusReason));
    }

    [Fact]
    public void A_new_reason_given_while_still_blocked_replaces_the_old_one()
    {
        var action = InStatus(PlanActionStatus.Blocked);

        action.PostUpdate("Chased again", PlanActionStatus.Blocked, "Now waiting for the council's legal team", Today, Owner, Now);
        Assert.Equal("Now waiting for the council's legal team", action.StatusReason);

        action.PostUpdate("Chased once more", PlanActionStatus.Blocked, null, Today, Owner, Now);
        Assert.Equal("Now waiting for the council's legal team", action.StatusReason);
    }

    [Fact]
    public void Each_reason_stays_in_the_history_even_after_the_action_moves_on()
    {
        var action = InStatus(PlanActionStatus.InProgress);

        var blocked = action.PostUpdate(null, PlanActionStatus.Blocked, "Waiting for the landlord", Today, Owner, Now);
        var newBlocker = action.PostUpdate("Chased", null, "Now waiting for legal", Today, Owner, Now);
        var progress = action.PostUpdate("Still chasing", null, null, Today, Owner, Now);
        var moved = action.PostUpdate("Landlord replied", PlanActionStatus.InProgress, null, Today, Owner, Now);

        Assert.Equal(("Waiting for the landlord", "Now waiting for legal"), (blocked.Reason, newBlocker.Reason));
        Assert.Equal(((string?)null, (string?)null), (progress.Reason, moved.Reason));
        Assert.Null(action.StatusReason);
    }

    [Fact]
    public void Done_records_when_and_closes_the_action()
    {
        var action = InStatus(PlanActionStatus.InProgress);
        var at = Now.AddHours(3);

        action.PostUpdate("All six visited", PlanActionStatus.Done, null, Today, Owner, at);

        Assert.Equal((PlanActionStatus.Done, (DateTime?)at), (action.Status, action.CompletedAt));
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void Back_in_progress_from_done_clears_when_it_was_done()
    {
        var action = InStatus(PlanActionStatus.Done);

        action.PostUpdate("One household moved back in", PlanActionStatus.InProgress, null, Today, Owner, Now.AddDays(1));

        Assert.Equal((PlanActionStatus.InProgress, (DateTime?)null), (action.Status, action.CompletedAt));
        Assert.True(action.IsOpen);
    }

    [Theory]
    [InlineData(PlanActionStatus.InProgress)]
    [InlineData(PlanActionStatus.Blocked)]
    [InlineData(PlanActionStatus.Done)]
    public void A_started_action_cannot_go_back_to_not_started(PlanActionStatus status)
    {
        var action = InStatus(status);

        var error = Assert.Throws<DomainException>(() => action.PostUpdate("Oops", PlanActionStatus.NotStarted, null, Today, Owner, Now));

        Assert.Equal(("An action that has started cannot go back to not started", "Status"), (error.Message, error.Field));
        Assert.Equal(status, action.Status);
    }

    [Fact]
    public void A_not_started_action_can_take_a_progress_update_and_stay_not_started()
    {
        var action = NewAction();

        var update = action.PostUpdate("Booked the visits for next week", PlanActionStatus.NotStarted, null, Today, Owner, Now);

        Assert.Equal((PlanActionStatus.NotStarted, (PlanActionStatus?)null), (action.Status, update.NewStatus));
    }

    [Fact]
    public void A_cancelled_action_is_final()
    {
        var action = InStatus(PlanActionStatus.Cancelled);

        var update = Assert.Throws<DomainException>(() => action.PostUpdate("Restart it", PlanActionStatus.InProgress, null, Today, Owner, Now));
        var note = Assert.Throws<DomainException>(() => action.PostUpdate("Just a note", null, null, Today, Owner, Now));

        Assert.Equal(("This action was cancelled: it cannot be updated", "Status"), (update.Message, update.Field));
        Assert.Equal("Status", note.Field);
        Assert.Equal((PlanActionStatus.Cancelled, "Waiting for housing"), (action.Status, action.StatusReason));
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void An_unknown_status_is_refused()
    {
        var action = NewAction();

        Assert.Equal("Status", Assert.Throws<DomainException>(() => action.PostUpdate("x", (PlanActionStatus)99, null, Today, Owner, Now)).Field);
    }

    [Fact]
    public void An_update_longer_than_the_limit_is_refused()
    {
        var action = NewAction();

        var error = Assert.Throws<DomainException>(() => action.PostUpdate(new string('x', PlanAction.UpdateMaxLength + 1), null, null, Today, Owner, Now));

        Assert.Equal("Text", error.Field);
    }

    [Theory]
    [InlineData(PlanActionStatus.NotStarted)]
    [InlineData(PlanActionStatus.InProgress)]
    [InlineData(PlanActionStatus.Blocked)]
    public void An_open_action_is_due_on_its_date_and_overdue_the_day_after(PlanActionStatus status)
    {
        var action = InStatus(status);

        Assert.False(action.IsOverdue(Due.AddDays(-1)));
        Assert.False(action.IsOverdue(Due));
        Assert.True(action.IsOverdue(Due.AddDays(1)));
    }

    [Theory]
    [InlineData(PlanActionStatus.Done)]
    [InlineData(PlanActionStatus.Cancelled)]
    public void A_done_or_cancelled_action_is_never_overdue(PlanActionStatus status) =>
        Assert.False(InStatus(status).IsOverdue(Due.AddDays(30)));

    [Theory]
    [InlineData(PlanActionStatus.InProgress, "Action ‘Visit the six households on Williams Street’ now in progress")]
    [InlineData(PlanActionStatus.Blocked, "Action ‘Visit the six households on Williams Street’ now blocked")]
    [InlineData(PlanActionStatus.Cancelled, "Action ‘Visit the six households on Williams Street’ now cancelled")]
    [InlineData(PlanActionStatus.Done, "Action ‘Visit the six households on Williams Street’ done")]
    public void A_status_change_is_described_for_the_timelines(PlanActionStatus status, string line)
    {
        var action = NewAction();

        var update = action.PostUpdate(null, status, "A reason", Today, Owner, Now);

        Assert.Equal(line, action.Describe(update));
    }

    [Fact]
    public void A_progress_update_is_described_as_progress_and_a_long_description_is_shortened()
    {
        var action = NewAction(new string('a', 100));

        var update = action.PostUpdate("Some progress", null, null, Today, Owner, Now);
        var line = action.Describe(update);

        Assert.Equal($"Progress on action ‘{new string('a', 77)}…’", line);
    }

    [Theory]
    [InlineData(PlanActionStatus.NotStarted, "Not started")]
    [InlineData(PlanActionStatus.InProgress, "In progress")]
    [InlineData(PlanActionStatus.Done, "Done")]
    [InlineData(PlanActionStatus.Blocked, "Blocked")]
    [InlineData(PlanActionStatus.Cancelled, "Cancelled")]
    public void Statuses_have_plain_names(PlanActionStatus status, string name) =>
        Assert.Equal(name, PlanAction.StatusName(status));
}
