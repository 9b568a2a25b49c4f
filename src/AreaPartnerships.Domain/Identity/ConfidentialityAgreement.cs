using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Domain.Identity;

/// <summary>
/// A signed multi-agency confidentiality agreement. A partner sees confidential issues and notes only
/// while they have one on record; recorded by an area manager or the partnership manager.
/// Append-only: a new agreement (new wording version) is a new row.
/// </summary>
public class ConfidentialityAgreement
{
    public const int WordingVersionMaxLength = 50;

    public ConfidentialityAgreement(int userId, DateOnly signedOn, string? wordingVersion, int recordedById, DateTime recordedAt)
    {
        UserId = userId;
        SignedOn = signedOn;
        WordingVersion = Guard.Required(wordingVersion, "Enter the version of the agreement's wording they signed", nameof(WordingVersion), WordingVersionMaxLength);
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public string WordingVersion { get; private set; }

    public int RecordedById { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
