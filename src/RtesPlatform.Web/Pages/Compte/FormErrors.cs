using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Ties a field's error message to its input (aria-describedby, aria-invalid).</summary>
public static class FormErrors
{
    public static string Id(string key) => key.Replace('.', '_') + "-erreur";

    public static string? Message(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
    }

    public static string? DescribedBy(ModelStateDictionary modelState, string key) =>
        Message(modelState, key) is null ? null : Id(key);

    public static string? Invalid(ModelStateDictionary modelState, string key) =>
        Message(modelState, key) is null ? null : "true";
}
