using AreaPartnerships.Domain.Common;
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

    /// <summary>
    /// The whole save step of an edit form: validate, save, and turn a domain rule broken, a missing
    /// record or a concurrent edit into the right response. On a conflict the person's values stay in the
    /// form and its version moves on, so saving again is a deliberate choice.
    /// </summary>
    public static async Task<IActionResult> SaveFormAsync<TForm>(
        this Controller controller,
        TForm form,
        IValidator<TForm> validator,
        Func<Task<SaveResult>> save,
        Func<SaveResult, IActionResult> onSaved,
        string viewName = "Edit")
        where TForm : IVersionedForm
    {
        if (!await controller.ValidateAsync(validator, form))
        {
            return controller.InvalidForm(form, viewName);
        }

        SaveResult result;
        try
        {
            result = await save();
        }
        catch (DomainException ex)
        {
            controller.ModelState.AddModelError(ex.Field ?? string.Empty, ex.Message);
            return controller.InvalidForm(form, viewName);
        }

        if (result.NotFound)
        {
            return controller.NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            controller.ModelState.AddModelError(EditConflict.Field, conflict.Message);
            form.Version = conflict.CurrentVersion;
            controller.ModelState.Remove(nameof(IVersionedForm.Version));
            return controller.InvalidForm(form, viewName);
        }

        return onSaved(result);
    }
}
