using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The programme section as typed in the form; axes keep their order.</summary>
public sealed class ProgrammeForm
{
    public string? StrategyTitle { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? Narrative { get; set; }
    public List<AxisInput> Axes { get; set; } = [];

    public static ProgrammeForm From(ProgrammeSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new()
        {
            StrategyTitle = section.StrategyTitle,
            PeriodStart = FormText.Of(section.PeriodStart),
            PeriodEnd = FormText.Of(section.PeriodEnd),
            Narrative = section.Narrative,
            Axes = [.. section.Axes.Select(a => new AxisInput { Title = a.Title, Text = a.Text })],
        };
    }

    public ProgrammeSection? ToSection(FormCheck check, string prefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        var title = check.Text($"{prefix}.StrategyTitle", StrategyTitle, "le titre", 200);
        var start = check.Year($"{prefix}.PeriodStart", PeriodStart);
        // A strategy may run beyond next year ("Stratégie 2024-2030"): its end is checked against its start only.
        var end = check.Year($"{prefix}.PeriodEnd", PeriodEnd, latest: check.LastYear + 20);
        if (start is not null && end is not null && end < start)
        {
            check.Error($"{prefix}.PeriodEnd", "L’année de fin doit être postérieure ou égale à l’année de début.");
        }

        var narrative = check.Text($"{prefix}.Narrative", Narrative, "le texte", 20_000);
        var axes = new List<ProgrammeAxis>();
        for (var i = 0; i < Axes.Count; i++)
        {
            var axisTitle = check.Text($"{prefix}.Axes[{i}].Title", Axes[i].Title, "le titre de l’axe", 300, required: true);
            var text = check.Text($"{prefix}.Axes[{i}].Text", Axes[i].Text, "le texte", 10_000);
            if (axisTitle is not null)
            {
                axes.Add(new ProgrammeAxis { Title = axisTitle, Text = text });
            }
        }

        return check.IsValid
            ? new ProgrammeSection { StrategyTitle = title, PeriodStart = start, PeriodEnd = end, Narrative = narrative, Axes = axes }
            : null;
    }
}
