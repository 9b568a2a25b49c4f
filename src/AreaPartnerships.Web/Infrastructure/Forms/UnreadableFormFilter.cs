using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AreaPartnerships.Web.Infrastructure.Forms;

/// <summary>
/// A form the framework cannot read at all — one with a null byte in any name or value (ASP.NET Core's form
/// reader refuses <c>%00</c> with <see cref="InvalidDataException"/>), or past its size limits — gets the
/// GOV.UK "could not accept what you sent" page with status 400, saying why. It runs before the
/// anti-forgery check, which would otherwise read the same form, fail, and answer a bare 400.
/// </summary>
public sealed class UnreadableFormFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before <see cref="AutoValidateAntiforgeryTokenAttribute"/> (order 1000).</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = BadRequestPage.ViewName,
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = BadRequestPage.UnreadableForm },
            };
        }
    }
}

/// <summary>The 400 page (Views/Shared/BadRequest.cshtml) and why it is shown.</summary>
public sealed record BadRequestPage(bool FormWasUnreadable)
{
    public const string ViewName = "BadRequest";

    public static readonly BadRequestPage UnreadableForm = new(true);

    public static readonly BadRequestPage Other = new(false);
}
