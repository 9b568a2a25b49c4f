using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Meetings;
using AreaPartnerships.Domain.Notifications;

namespace AreaPartnerships.UnitTests.Notifications;

public sealed class MailAddressTests
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+tag@walsall.gov.uk")]
    [InlineData("o'neill@example.co.uk")]
    public void A_usual_address_is_accepted(string address)
    {
        Assert.True(MailSettings.IsEmailAddress(address));
        Assert.True(MeetingAttendee.LooksLikeEmail(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("name.example.com")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@example")]
    [InlineData("name@@example.com")]
    [InlineData("name@example..com")]
    [InlineData("name@.example.com")]
    [InlineData("name@example.com.")]
    [InlineData("first last@example.com")]
    [InlineData("name@example.com\n")]
    [InlineData("Name <name@example.com>")]
    public void A_malformed_address_is_refused(string? address)
    {
        Assert.False(MailSettings.IsEmailAddress(address));
    }

    [Fact]
    public void Mail_settings_refuse_a_bad_sender_or_service_address_at_the_field()
    {
        Assert.Equal("SenderAddress", Assert.Throws<DomainException>(() => new MailSettings("Sender", "sender@example", "Footer", "https://ap.example.gov.uk")).Field);
        Assert.Equal("ServiceAddress", Assert.Throws<DomainException>(() => new MailSettings("Sender", "sender@example.gov.uk", "Footer", "ap.example.gov.uk")).Field);
        Assert.Equal("https://ap.example.gov.uk", new MailSettings("Sender", "sender@example.gov.uk", "Footer", "https://ap.example.gov.uk/").ServiceAddress);
    }
}
