using AreaPartnerships.Domain.Common;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>
/// Domain error keys are form field names, so every message links to its field in the error summary. Most
/// rules already name the field the forms post (<c>Reason</c>, <c>Text</c>, <c>OwnerId</c>); where one domain
/// value is typed into a differently named field on a form (the follow-up date's day, a level's own owner
/// select, the issue reference on the group's page and the task group on the issue's), the handler re-keys
/// the rule's error here, in one place, naming both.
/// </summary>
public static class DomainErrors
{
    public static void Rekey(Action call, params (string Domain, string Form)[] names)
    {
        try
        {
            call();
        }
        catch (DomainException ex) when (names.Any(n => n.Domain == ex.Field))
        {
            throw new DomainException(ex.Message, names.First(n => n.Domain == ex.Field).Form);
        }
    }
}
