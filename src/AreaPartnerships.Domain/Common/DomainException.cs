namespace AreaPartnerships.Domain.Common;

/// <summary>
/// A rule of the model was broken. The message is written for the person using the service
/// (British English, says why); controllers turn it into a form error.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : base(message) => Field = field;

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The form field the error belongs to, when there is one.</summary>
    public string? Field { get; }
}
