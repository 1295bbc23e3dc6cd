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

    /// <summary>The section as typed; parse errors in the check, the rest for the fiche rules.</summary>
    public ProgrammeSection ToSection(FormCheck check, string prefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new ProgrammeSection
        {
            StrategyTitle = FormCheck.Trimmed(StrategyTitle),
            PeriodStart = check.ParseYear($"{prefix}.PeriodStart", PeriodStart),
            PeriodEnd = check.ParseYear($"{prefix}.PeriodEnd", PeriodEnd),
            Narrative = FormCheck.Trimmed(Narrative),
            Axes = [.. Axes.Select(a => new ProgrammeAxis { Title = FormCheck.Trimmed(a?.Title) ?? string.Empty, Text = FormCheck.Trimmed(a?.Text) })],
        };
    }
}
