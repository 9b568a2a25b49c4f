using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Notifications;

namespace AreaPartnerships.UnitTests.Notifications;

public sealed class PreferenceTests
{
    [Theory]
    [InlineData(NotificationKind.IssueAssigned)]
    [InlineData(NotificationKind.Referral)]
    public void A_duty_kind_cannot_be_switched_off(NotificationKind kind)
    {
        var ex = Assert.Throws<DomainException>(() => new NotificationPreference(1, kind, Delivery.Off));

        Assert.Equal($"Kind{(int)kind}", ex.Field);
        Assert.Equal(Delivery.Immediately, NotificationKinds.Effective(kind, Delivery.Off));
    }

    [Fact]
    public void Other_kinds_can_be_switched_off_and_default_to_immediately()
    {
        Assert.Equal(Delivery.Off, new NotificationPreference(1, NotificationKind.MeetingInvitation, Delivery.Off).Delivery);
        Assert.Equal(Delivery.Immediately, NotificationKinds.Effective(NotificationKind.MeetingInvitation, null));
        Assert.Equal(Delivery.InDailyDigest, NotificationKinds.Effective(NotificationKind.IssueAssigned, Delivery.InDailyDigest));
    }

    [Fact]
    public void A_digest_kind_or_an_undefined_delivery_is_not_a_choice()
    {
        Assert.Throws<DomainException>(() => new NotificationPreference(1, NotificationKind.DailyDigest, Delivery.Immediately));
        Assert.Throws<DomainException>(() => new NotificationPreference(1, NotificationKind.ActionAssigned, (Delivery)9));
    }

    [Theory]
    [InlineData(7, 15)]
    [InlineData(7, 1)]
    public void A_digest_time_off_the_half_hour_is_refused(int hour, int minute)
    {
        Assert.Equal("DailyDigestAt", Assert.Throws<DomainException>(() => new NotificationProfile(1).SetDigestTime(new TimeOnly(hour, minute))).Field);
    }
}
