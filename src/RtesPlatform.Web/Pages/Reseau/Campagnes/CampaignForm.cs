using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>The campaign form, bound as strings so that what was typed is shown again on an error.</summary>
public sealed class CampaignForm
{
    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 10_000;
    private static readonly string[] _dateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public string? Title { get; set; }
    public string? Message { get; set; }
    public string? Deadline { get; set; }
    public string? StaleBefore { get; set; }

    /// <summary>The typed values, or null with French messages next to the fields.</summary>
    public (string Title, string Message, DateOnly Deadline, DateOnly StaleBefore)? Check(ModelStateDictionary modelState, string prefix, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var title = Title?.Trim() ?? string.Empty;
        var message = Message?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Title)}", "Indiquez le titre de la campagne.");
        }
        else if (title.Length > TitleMaxLength)
        {
            modelState.AddModelError($"{prefix}.{nameof(Title)}", $"Le titre ne doit pas dépasser {TitleMaxLength} caractères.");
        }

        if (message.Length == 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Message)}", "Écrivez le message envoyé aux équipes des collectivités.");
        }
        else if (message.Length > MessageMaxLength)
        {
            modelState.AddModelError($"{prefix}.{nameof(Message)}", $"Le message ne doit pas dépasser {MessageMaxLength} caractères.");
        }

        var deadline = Date(modelState, $"{prefix}.{nameof(Deadline)}", Deadline, "la date limite");
        if (deadline is { } d && d <= today)
        {
            modelState.AddModelError($"{prefix}.{nameof(Deadline)}", "La date limite doit être postérieure à aujourd’hui.");
        }

        var staleBefore = Date(modelState, $"{prefix}.{nameof(StaleBefore)}", StaleBefore, "la date de référence");
        if (staleBefore is { } s && s > today)
        {
            modelState.AddModelError($"{prefix}.{nameof(StaleBefore)}", "La date de référence ne peut pas être dans le futur.");
        }

        return modelState.IsValid && deadline is { } dl && staleBefore is { } sb ? (title, message, dl, sb) : null;
    }

    private static DateOnly? Date(ModelStateDictionary modelState, string key, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            modelState.AddModelError(key, $"Indiquez {what}.");
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        modelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} doit être une date, par exemple 31/03/2027.");
        return null;
    }
}
