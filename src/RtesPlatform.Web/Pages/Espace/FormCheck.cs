using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Reads the text an officer typed into typed values, adding a French message to the field's
/// model state when it cannot. Forms bind strings, so whatever was typed is shown again on error.
/// </summary>
public sealed class FormCheck(ModelStateDictionary modelState, int currentYear)
{
    public const int FirstYear = 1990;

    public int LastYear => currentYear + 1;

    public bool IsValid => modelState.IsValid;

    public string? Text(string key, string? value, string label, int maxLength, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            Error(key, $"Indiquez {label}.");
        }
        else if (text is not null && text.Length > maxLength)
        {
            Error(key, $"Ce champ ne doit pas dépasser {maxLength.ToString(CultureInfo.InvariantCulture)} caractères (actuellement {text.Length.ToString(CultureInfo.InvariantCulture)}).");
        }

        return text;
    }

    /// <summary>The text without surrounding spaces, or null when blank; its rules (required, length) are the fiche rules'.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A year typed in digits (its range is a fiche rule); the message keeps the range to guide the officer.</summary>
    public int? ParseYear(string key, string? value, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(key, "Indiquez l’année.");
            }

            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            Error(key, $"L’année doit être comprise entre {FirstYear.ToString(CultureInfo.InvariantCulture)} et {LastYear.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return year;
    }

    /// <summary>A number as typed ("12 500", "3,5", "270 000 €"); its sign and size are fiche rules.</summary>
    public decimal? ParseAmount(string key, string? value, string label, bool required = false)
    {
        var text = value?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.').Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(key, $"Indiquez {label}.");
            }

            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Error(key, $"Saisissez {label} en chiffres, par exemple 12 500 ou 3,5.");
            return null;
        }

        return number;
    }

    /// <summary>An absolute address; its scheme and length are fiche rules.</summary>
    public Uri? ParseUrl(string key, string? value)
    {
        var text = Trimmed(value);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            Error(key, "Saisissez une adresse web complète commençant par http:// ou https:// (500 caractères au plus).");
            return null;
        }

        return uri;
    }

    public int? Year(string key, string? value, bool required = false, int? latest = null)
    {
        var last = latest ?? LastYear;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(key, "Indiquez l’année.");
            }

            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < FirstYear || year > last)
        {
            Error(key, $"L’année doit être comprise entre {FirstYear.ToString(CultureInfo.InvariantCulture)} et {last.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return year;
    }

    /// <summary>A number zero or above, with a comma or a point for decimals and spaces between thousands.</summary>
    /// <summary>What the figures' columns hold (numeric(20,4)), with a margin for sums of lines.</summary>
    private const decimal MaxAmount = 1_000_000_000_000_000m;

    public decimal? Amount(string key, string? value, string label, bool required = false)
    {
        var text = value?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.').Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(key, $"Indiquez {label}.");
            }

            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Error(key, $"Saisissez {label} en chiffres, par exemple 12 500 ou 3,5.");
            return null;
        }

        if (number < 0)
        {
            Error(key, $"Saisissez un nombre positif ou nul pour {label}.");
            return null;
        }

        if (number >= MaxAmount)
        {
            Error(key, $"Saisissez {label} sous 1 million de milliards.");
            return null;
        }

        return number;
    }

    public TEnum? Choice<TEnum>(string key, string? value, string label)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, ignoreCase: false, out var choice) && Enum.IsDefined(choice))
        {
            return choice;
        }

        Error(key, $"Choisissez {label} dans la liste.");
        return null;
    }

    /// <summary>A figure's source must be one of the fiche's sources (or none).</summary>
    public string? SourceKey(string key, string? value, IReadOnlySet<string> sourceKeys)
    {
        ArgumentNullException.ThrowIfNull(sourceKeys);
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && !sourceKeys.Contains(text))
        {
            Error(key, "Choisissez une source parmi celles de la fiche (rubrique « Sources »).");
            return null;
        }

        return text;
    }

    public Uri? Url(string key, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Length > 500
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Error(key, "Saisissez une adresse web complète commençant par http:// ou https:// (500 caractères au plus).");
            return null;
        }

        return uri;
    }

    public string? Email(string key, string? value)
    {
        var text = Text(key, value, "l’adresse électronique", 200);
        if (text is not null && (!text.Contains('@', StringComparison.Ordinal) || text.StartsWith('@') || text.EndsWith('@') || text.Contains(' ', StringComparison.Ordinal)))
        {
            Error(key, "Saisissez une adresse électronique valide, par exemple prenom.nom@ville.fr.");
            return null;
        }

        return text;
    }

    public void Error(string key, string message) => modelState.AddModelError(key, message);
}
