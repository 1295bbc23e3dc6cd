using System.Globalization;

namespace RtesPlatform.Web.Api;

/// <summary>
/// Reads query parameters without trusting them and collects what is wrong, in French and
/// English, for a 400 validation problem (<see cref="ApiProblems.Validation"/>). Parameters are
/// bound as text so that "page=abc" is a clear message, never a binding failure.
/// </summary>
public sealed class ApiValidation
{
    private readonly List<(string Name, string French, string English)> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public void Add(string name, string french, string english) => _errors.Add((name, french, english));

    public Dictionary<string, string[]> Errors(bool english) => _errors
        .GroupBy(e => e.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => english ? e.English : e.French).ToArray(), StringComparer.Ordinal);

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int? WholeNumber(string name, string? raw, int min, int max, int? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(name,
                $"« {Shorten(raw)} » n’est pas un nombre entier.",
                $"'{Shorten(raw)}' is not a whole number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            Add(name,
                $"La valeur doit être comprise entre {min} et {max} (reçu : {value}).",
                $"The value must be between {min} and {max} (got {value}).");
            return fallback;
        }

        return value;
    }

    /// <summary>A year between 1900 and 2100, or null when absent.</summary>
    public int? Year(string name, string? raw) => WholeNumber(name, raw, 1900, 2100);

    /// <summary>One of <paramref name="allowed"/> (case-insensitive, returned as listed), or null when absent.</summary>
    public string? OneOf(string name, string? raw, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var list = string.Join(", ", allowed);
            Add(name,
                $"« {Shorten(raw)} » n’est pas reconnu ; valeurs possibles : {list}.",
                $"'{Shorten(raw)}' is not recognised; allowed values: {list}.");
        }

        return match;
    }

    /// <summary>A text of at most <paramref name="maxLength"/> characters, trimmed, or null when absent.</summary>
    public string? Text(string name, string? raw, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length > maxLength)
        {
            Add(name,
                $"Le texte est trop long ({text.Length} caractères ; {maxLength} au plus).",
                $"The text is too long ({text.Length} characters; at most {maxLength}).");
            return null;
        }

        return text;
    }

    /// <summary>A boolean (true/false, 1/0, yes/no, oui/non), or false when absent.</summary>
    public bool Flag(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        switch (raw.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "oui":
                return true;
            case "false" or "0" or "no" or "non":
                return false;
            default:
                Add(name,
                    $"« {Shorten(raw)} » n’est pas une valeur booléenne (true ou false).",
                    $"'{Shorten(raw)}' is not a boolean (true or false).");
                return false;
        }
    }

    private static string Shorten(string raw) => raw.Length > 40 ? raw[..40] + "…" : raw;
}
