using AreaPartnerships.Domain.Common;
using static AreaPartnerships.UnitTests.Meetings.MeetingRecordMeetings;

namespace AreaPartnerships.UnitTests.Meetings;

public sealed class AgendaTests
{
    [Fact]
    public void Items_are_added_in_order_and_a_linked_issue_or_group_appears_once()
    {
        var meeting = Tasking();

        var first = meeting.AddAgendaItem("Welcome", null, null, Manager, Before);
        var second = meeting.AddAgendaItem("Issue AP-2026-00042", 42, null, Manager, Before);
        var third = meeting.AddAgendaItem("Task group: Williams Street", null, 5, Manager, Before);

        Assert.Equal([1, 2, 3], new[] { first.Order, second.Order, third.Order });
        Assert.Equal("IssueReference", Assert.Throws<DomainException>(() => meeting.AddAgendaItem("Again", 42, null, Manager, Before)).Field);
        Assert.Equal("TaskGroupId", Assert.Throws<DomainException>(() => meeting.AddAgendaItem("Again", null, 5, Manager, Before)).Field);
        Assert.Equal("IssueReference", Assert.Throws<DomainException>(() => meeting.AddAgendaItem("Both", 43, 6, Manager, Before)).Field);
        Assert.Equal("Title", Assert.Throws<DomainException>(() => meeting.AddAgendaItem("  ", null, null, Manager, Before)).Field);
        Assert.Equal(3, meeting.AgendaItems.Count);
    }

    [Fact]
    public void Moving_swaps_with_the_neighbour_and_does_nothing_at_the_ends()
    {
        var meeting = Tasking();
        var a = meeting.AddAgendaItem("A", null, null, Manager, Before).WithId(1);
        var b = meeting.AddAgendaItem("B", null, null, Manager, Before).WithId(2);
        var c = meeting.AddAgendaItem("C", null, null, Manager, Before).WithId(3);

        meeting.MoveAgendaItem(c.Id, up: true, Manager, Before);
        meeting.MoveAgendaItem(a.Id, up: true, Manager, Before);

        Assert.Equal(["A", "C", "B"], meeting.AgendaItems.OrderBy(i => i.Order).Select(i => i.Title));
        Assert.Equal(3, b.Order);
    }

    [Fact]
    public void An_item_with_a_minute_or_a_decision_stays_and_removing_another_renumbers_the_rest()
    {
        var meeting = Tasking();
        var a = meeting.AddAgendaItem("A", null, null, Manager, Before).WithId(1);
        var b = meeting.AddAgendaItem("B", null, null, Manager, Before).WithId(2);
        var c = meeting.AddAgendaItem("C", null, null, Manager, Before).WithId(3);
        meeting.RecordMinutes(null, new Dictionary<int, string?> { [c.Id] = "Discussed" }, false, null, Manager, During);

        Assert.Throws<DomainException>(() => meeting.RemoveAgendaItem(c, hasDecisions: false, Manager, During));
        Assert.Throws<DomainException>(() => meeting.RemoveAgendaItem(b, hasDecisions: true, Manager, During));
        meeting.RemoveAgendaItem(a, hasDecisions: false, Manager, During);

        Assert.Equal([("B", 1), ("C", 2)], meeting.AgendaItems.OrderBy(i => i.Order).Select(i => (i.Title, i.Order)));
    }

    [Fact]
    public void The_agenda_is_closed_once_the_minutes_are_approved_or_the_meeting_cancelled()
    {
        var approved = Tasking();
        var item = approved.AddAgendaItem("A", null, null, Manager, Before).WithId(1);
        approved.ApproveMinutes(Chair, After);
        var cancelled = Tasking();
        cancelled.Cancel("The venue flooded", Manager, Before);

        Assert.Throws<DomainException>(() => approved.AddAgendaItem("Late", null, null, Manager, After));
        Assert.Throws<DomainException>(() => approved.MoveAgendaItem(item.Id, up: false, Manager, After));
        Assert.Throws<DomainException>(() => approved.RemoveAgendaItem(item, false, Manager, After));
        Assert.Throws<DomainException>(() => cancelled.AddAgendaItem("Late", null, null, Manager, Before));
    }
}
