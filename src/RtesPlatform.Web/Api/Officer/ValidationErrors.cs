using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Authoring.Rules;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// The back office's French field messages (FormCheck writes them to a model state under form
/// names such as <c>section.Figures[0].Label</c>) as ValidationProblemDetails errors keyed by JSON
/// path (<c>$.figures[0].label</c>), so that the API and the pages refuse the same input the same way.
/// </summary>
internal static class ValidationErrors
{
    public const string Prefix = "section";

    /// <summary>
    /// The fiche rules' messages keyed by JSON path in the body sent for <paramref name="section"/>:
    /// <c>panorama.figures[0].label</c> → <c>$.figures[0].label</c>, <c>contacts[2].name</c> → <c>$[2].name</c>.
    /// </summary>
    public static Dictionary<string, string[]> FromRules(IReadOnlyList<FicheRuleError> errors, FicheSection section)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var prefix = section.ToString().ToLowerInvariant();
        return errors
            .GroupBy(e => e.Path.StartsWith(prefix, StringComparison.Ordinal) ? "$" + e.Path[prefix.Length..] : "$." + e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
    }

    public static Dictionary<string, string[]> From(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .ToDictionary(e => JsonPath(e.Key), e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray(), StringComparer.Ordinal);
    }

    /// <summary><c>section.Figures[0].Label</c> → <c>$.figures[0].label</c>; <c>section[2].Title</c> → <c>$[2].title</c>.</summary>
    public static string JsonPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rest = key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : "." + key;
        var path = new StringBuilder("$");
        var startOfName = false;
        foreach (var c in rest)
        {
            path.Append(startOfName ? char.ToLowerInvariant(c) : c);
            startOfName = c == '.';
        }

        return path.ToString();
    }
}
