using AreaPartnerships.Domain.Common;
using AreaPartnerships.Domain.Notifications;

namespace AreaPartnerships.UnitTests.Notifications;

public sealed class EmailTemplatesTests
{
    [Fact]
    public void Every_default_wording_passes_its_own_check()
    {
        foreach (var kind in NotificationKinds.All)
        {
            var wording = EmailTemplates.Default(kind.Kind);
            Assert.Empty(EmailTemplates.Check(kind.Kind, wording.Subject, wording.Body));
        }
    }

    [Theory]
    [InlineData("((reference)) is yours", "Hello ((name)) ((link))", null, null)]
    [InlineData("", "Hello ((link))", "Subject", "Enter the subject")]
    [InlineData("((reference)) is yours", " ", "Body", "Enter the body")]
    [InlineData("((when)) is yours", "Hello ((link))", "Subject", "The subject has a placeholder ((when)) this e-mail does not have")]
    [InlineData("((Reference)) is yours", "Hello ((link))", "Subject", "The subject has a placeholder ((Reference)) this e-mail does not have")]
    [InlineData("((reference) is yours", "Hello ((link))", "Subject", "The subject has a placeholder that is not closed")]
    [InlineData("A subject\non two lines", "Hello ((link))", "Subject", "The subject must be one line")]
    [InlineData("((reference)) is yours", "Hello ((name))", "Body", "The body must include ((link))")]
    public void A_template_is_checked_field_by_field(string subject, string body, string? field, string? message)
    {
        var errors = EmailTemplates.Check(NotificationKind.IssueAssigned, subject, body);

        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(field, error.Field);
            Assert.StartsWith(message!, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_subject_or_body_too_long_is_refused()
    {
        var errors = EmailTemplates.Check(NotificationKind.IssueAssigned, new string('a', EmailTemplates.SubjectMaxLength + 1), new string('b', EmailTemplates.BodyMaxLength) + "((link))");

        Assert.Equal(["Subject", "Body"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Render_fills_known_placeholders_and_empties_missing_ones()
    {
        var text = EmailTemplates.Render("((reference)) for ((name))((missing)).", new Dictionary<string, string> { ["reference"] = "AP-1", ["name"] = "Sam" });

        Assert.Equal("AP-1 for Sam.", text);
    }

    [Fact]
    public void A_value_cannot_break_a_subject_onto_two_lines()
    {
        var subject = EmailTemplates.OneLine(EmailTemplates.Render("((title)) is yours", new Dictionary<string, string> { ["title"] = "Line one\r\nBcc: x@example.com" }));

        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
    }

    [Fact]
    public void Saving_a_broken_template_throws_at_its_field()
    {
        var ex = Assert.Throws<DomainException>(() => new EmailTemplate(NotificationKind.IssueAssigned, "((titel))", "((link))", 1, DateTime.UtcNow));

        Assert.Equal("Subject", ex.Field);
    }
}
