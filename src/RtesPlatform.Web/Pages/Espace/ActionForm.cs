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

    /// <summary>
    /// The change saving this action makes: the action at <paramref name="index"/> replaced (or added
    /// when null), and the sources created from its result rows. Parse errors in the check; the rest
    /// (required title, lengths, themes, years, sources) is for the fiche rules.
    /// </summary>
    public FormChange ToChange(FormCheck check, string prefix, int? index)
    {
        ArgumentNullException.ThrowIfNull(check);
        var results = new List<ResultFigure>();
        var created = new List<(int Row, Source Source)>();
        for (var i = 0; i < Results.Count; i++)
        {
            var r = Results[i] ?? new ResultInput();
            var key = $"{prefix}.Results[{i}]";
            results.Add(new ResultFigure
            {
                Label = FormCheck.Trimmed(r.Label) ?? string.Empty,
                Value = check.ParseAmount($"{key}.Value", r.Value, "la valeur", required: true) ?? 0,
                Unit = check.Choice<FigureUnit>($"{key}.Unit", r.Unit, "l’unité") ?? FigureUnit.Count,
                Year = check.ParseYear($"{key}.Year", r.Year, required: true) ?? 0,
                SourceKey = FormCheck.Trimmed(r.SourceKey),
            });
            if ((r.NewSource ?? new()).Parse(check, $"{key}.NewSource") is { } source)
            {
                created.Add((i, source));
            }
        }

        var action = new SupportedAction
        {
            Title = FormCheck.Trimmed(Title) ?? string.Empty,
            Description = FormCheck.Trimmed(Description),
            Themes = [.. (Themes ?? []).OfType<string>().Distinct(StringComparer.Ordinal)],
            YearStart = check.ParseYear($"{prefix}.YearStart", YearStart),
            YearEnd = check.ParseYear($"{prefix}.YearEnd", YearEnd),
            Amount = check.ParseAmount($"{prefix}.Amount", Amount, "le montant"),
            AmountYear = check.ParseYear($"{prefix}.AmountYear", AmountYear),
            Partners = [.. (Partners ?? string.Empty).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)],
            SourceKey = FormCheck.Trimmed(SourceKey),
        };
        return new FormChange(
            c =>
            {
                var (sources, keys) = NewSourceInput.Add(c.Sources, created.Select(x => x.Source));
                var cited = results.ToList();
                for (var j = 0; j < created.Count; j++)
                {
                    cited[created[j].Row] = cited[created[j].Row] with { SourceKey = keys[j] };
                }

                var saved = action with { Results = cited };
                return c with
                {
                    Actions = index is { } at && at < c.Actions.Count
                        ? [.. c.Actions.Select((a, j) => j == at ? saved : a)]
                        : [.. c.Actions, saved],
                    Sources = sources,
                };
            },
            [.. created.Select(x => $"{prefix}.Results[{x.Row}].NewSource")]);
    }

    /// <summary>Copies the results at <paramref name="rows"/> to the next year, value empty; returns the index of the first copy.</summary>
    public int CarryToNextYear(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = Results.Count;
        foreach (var i in rows.Where(r => r >= 0 && r < Results.Count).Distinct().Order().ToList())
        {
            var r = Results[i];
            Results.Add(new ResultInput { Label = r.Label, Unit = r.Unit, Year = YearRows.Next(r.Year), SourceKey = r.SourceKey });
        }

        return first;
    }
}
