using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace AreaPartnerships.Web.Infrastructure;

/// <summary>The thin-controller steps every form shares: validate explicitly, re-render with 400.</summary>
public static class ControllerExtensions
{
    /// <summary>
    /// Runs the validator and copies its errors into ModelState (keyed by property name, so the
    /// GOV.UK error summary links to the field). Model-binding errors already in ModelState
    /// (e.g. "abc" for a yes/no field) count too.
    /// </summary>
    public static async Task<bool> ValidateAsync<T>(this Controller controller, IValidator<T> validator, T form)
    {
        var result = await validator.ValidateAsync(form);
        foreach (var error in result.Errors)
        {
            if (!controller.ModelState.TryGetValue(error.PropertyName, out var entry) || entry.Errors.Count == 0)
            {
                controller.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }

        return controller.ModelState.IsValid;
    }

    /// <summary>Re-renders the action's view with what the person typed and status 400.</summary>
    public static ViewResult InvalidForm(this Controller controller, object model, string? viewName = null)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View(viewName, model);
    }
}
