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
    public static Task<IActionResult> SaveFormAsync<TForm>(
        this Controller controller,
        TForm form,
        IValidator<TForm> validator,
        Func<Task<SaveResult>> save,
        Func<SaveResult, IActionResult> onSaved,
        string viewName = "Edit")
        where TForm : IVersionedForm =>
        controller.SaveFormAsync(form, validator, async () => (SaveResult?)await save(), onSaved,
            () => Task.FromResult<IActionResult>(controller.View(viewName, form)));

    /// <summary>
    /// As above, for pages whose model is more than the form: <paramref name="redisplay"/> renders the
    /// page again (with status 400) from the posted form. <paramref name="save"/> returns null when the
    /// record is not there for this person (404), and throws <see cref="UnauthorizedAccessException"/>
    /// when they may see it but not do this (403).
    /// </summary>
    public static async Task<IActionResult> SaveFormAsync<TForm>(
        this Controller controller,
        TForm form,
        IValidator<TForm> validator,
        Func<Task<SaveResult?>> save,
        Func<SaveResult, IActionResult> onSaved,
        Func<Task<IActionResult>> redisplay)
    {
        async Task<IActionResult> Invalid()
        {
            var page = await redisplay();
            controller.Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        if (!await controller.ValidateAsync(validator, form))
        {
            return await Invalid();
        }

        SaveResult? result;
        try
        {
            result = await save();
        }
        catch (DomainException ex)
        {
            controller.ModelState.AddModelError(ex.Field ?? string.Empty, ex.Message);
            return await Invalid();
        }
        catch (UnauthorizedAccessException)
        {
            return controller.Forbid();
        }

        if (result is null || result.NotFound)
        {
            return controller.NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            controller.ModelState.AddModelError(EditConflict.Field, conflict.Message);
            if (form is IVersionedForm versioned)
            {
                versioned.Version = conflict.CurrentVersion;
                controller.ModelState.Remove(nameof(IVersionedForm.Version));
            }

            return await Invalid();
        }

        return onSaved(result);
    }
}
