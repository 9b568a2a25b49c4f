using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AreaPartnerships.Web.Infrastructure.Forms;

/// <summary>
/// The one place text from a form or query string is checked for control characters, for every form in
/// the app: a value containing one (Unicode category Cc — null, escape, backspace… — except tab, carriage
/// return and line feed, which multi-line text needs) is refused with an error on its field, so the GOV.UK
/// error summary links to it. The property is left unbound, so such text never reaches a handler or the
/// database; what was typed stays in ModelState and is shown again in the field.
/// Registered first among the model binder providers in Program.cs. (A null byte never gets this far: the
/// framework cannot read such a form at all — see <see cref="UnreadableFormFilter"/>.)
/// </summary>
public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var source = context.BindingInfo.BindingSource ?? context.Metadata.BindingSource;
        if (context.Metadata.ModelType != typeof(string) || source is { IsGreedy: true })
        {
            return null; // bodies, headers and services are not typed text
        }

        return new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }
}

/// <summary>Binds a string as MVC does, then refuses it if it contains a control character.</summary>
public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string text } && PlainText.HasControlCharacter(text))
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, PlainText.ControlCharacterMessage(FieldName(bindingContext)));
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }

    private static string FieldName(ModelBindingContext context)
    {
        if (context.ModelMetadata.DisplayName is { Length: > 0 } displayName)
        {
            return displayName;
        }

        // The property's name, or for an item of a list (Tags[0]) the list's name.
        var name = context.ModelMetadata.PropertyName ?? context.ModelName;
        name = name[(name.LastIndexOf('.') + 1)..];
        var index = name.IndexOf('[', StringComparison.Ordinal);
        name = index >= 0 ? name[..index] : name;
        return name.Length > 0 ? PlainText.Humanise(name) : "This answer";
    }
}

/// <summary>The rule itself, for the binder and for anything else that takes text.</summary>
public static class PlainText
{
    /// <summary>True when the text has a control character other than tab, carriage return or line feed.</summary>
    public static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    public static string ControlCharacterMessage(string fieldName) =>
        $"{fieldName} must not include invisible control characters, such as escape or backspace";

    /// <summary>A property name as words: <c>OnBehalfOfName</c> becomes "On behalf of name".</summary>
    public static string Humanise(string propertyName)
    {
        var words = new StringBuilder(propertyName.Length + 8);
        for (var i = 0; i < propertyName.Length; i++)
        {
            var c = propertyName[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(propertyName[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }
}
