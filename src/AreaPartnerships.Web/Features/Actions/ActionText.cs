using AreaPartnerships.Domain.TaskGroups;

namespace AreaPartnerships.Web.Features.Actions;

/// <summary>How action values read on screen and on timelines.</summary>
public static class ActionText
{
    /// <summary>A description short enough for a timeline entry (as <see cref="PlanAction.Describe"/> shortens it).</summary>
    public static string Brief(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    /// <summary>"Name (Organisation)": a person as the owner select and the action page show them.</summary>
    public static string Person(string name, string? detail) => detail is null ? name : $"{name} ({detail})";

    /// <summary>Text kept on a timeline entry's body, cut to the column's length.</summary>
    public static string? Body(params string?[] parts)
    {
        var text = string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return text.Length == 0 ? null : text.Length <= BodyMaxLength ? text : string.Concat(text.AsSpan(0, BodyMaxLength - 1), "…");
    }

    private const int BodyMaxLength = 4000;
}
