using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>One supported action as typed in the form; partners are typed one per line.</summary>
public sealed class ActionForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? YearStart { get; set; }
    public string? YearEnd { get; set; }
    public string? Amount { get; set; }
    public string? AmountYear { get; set; }
    public string? Partners { get; set; }
    public string? SourceKey { get; set; }
    public List<ResultInput> Results { get; set; } = [];

    public static ActionForm From(SupportedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new()
        {
            Title = action.Title,
            Description = action.Description,
            Themes = [.. action.Themes],
            YearStart = FormText.Of(action.YearStart),
            YearEnd = FormText.Of(action.YearEnd),
            Amount = FormText.Of(action.Amount),
            AmountYear = FormText.Of(action.AmountYear),
            Partners = string.Join('\n', action.Partners),
            SourceKey = action.SourceKey,
            Results = [.. action.Results.Select(r => new ResultInput
            {
                Label = r.Label, Value = FormText.Of(r.Value), Unit = r.Unit.ToString(), Year = FormText.Of(r.Year), SourceKey = r.SourceKey,
            })],
        };
    }

    public SupportedAction? ToAction(FormCheck check, string prefix, IReadOnlySet<string> sourceKeys, IReadOnlySet<string> themeCodes)
    {
        ArgumentNullException.ThrowIfNull(check);
        var title = check.Text($"{prefix}.Title", Title, "le titre", 300, required: true);
        var description = check.Text($"{prefix}.Description", Description, "la description", 20_000);
        if (Themes.Any(t => !themeCodes.Contains(t)))
        {
            check.Error($"{prefix}.Themes", "Choisissez les thèmes dans la liste proposée.");
        }

        var start = check.Year($"{prefix}.YearStart", YearStart);
        var end = check.Year($"{prefix}.YearEnd", YearEnd);
        if (start is not null && end is not null && end < start)
        {
            check.Error($"{prefix}.YearEnd", "L’année de fin doit être postérieure ou égale à l’année de début.");
        }

        var amount = check.Amount($"{prefix}.Amount", Amount, "le montant");
        var amountYear = check.Year($"{prefix}.AmountYear", AmountYear);
        var partners = (Partners ?? string.Empty).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (partners.Count > 50 || partners.Any(p => p.Length > 200))
        {
            check.Error($"{prefix}.Partners", "Indiquez au plus 50 partenaires, de 200 caractères chacun au plus.");
        }

        var source = check.SourceKey($"{prefix}.SourceKey", SourceKey, sourceKeys);
        var results = new List<ResultFigure>();
        for (var i = 0; i < Results.Count; i++)
        {
            var r = Results[i];
            var key = $"{prefix}.Results[{i}]";
            var label = check.Text($"{key}.Label", r.Label, "l’indicateur", 200, required: true);
            var value = check.Amount($"{key}.Value", r.Value, "la valeur", required: true);
            var unit = check.Choice<FigureUnit>($"{key}.Unit", r.Unit, "l’unité");
            var year = check.Year($"{key}.Year", r.Year, required: true);
            var resultSource = check.SourceKey($"{key}.SourceKey", r.SourceKey, sourceKeys);
            if (label is not null && value is not null && unit is not null && year is not null)
            {
                results.Add(new ResultFigure { Label = label, Value = value.Value, Unit = unit.Value, Year = year.Value, SourceKey = resultSource });
            }
        }

        return !check.IsValid || title is null
            ? null
            : new SupportedAction
            {
                Title = title, Description = description, Themes = [.. Themes.Distinct(StringComparer.Ordinal)],
                YearStart = start, YearEnd = end, Amount = amount, AmountYear = amountYear,
                Partners = partners, Results = results, SourceKey = source,
            };
    }
}
