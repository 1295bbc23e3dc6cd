using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>What the rules compare a fiche with: this year, the catalogue's figure indicators and the themes.</summary>
public sealed record FicheRuleContext(int CurrentYear, IReadOnlyCollection<Indicator> FigureIndicators, IReadOnlySet<string> ThemeCodes)
{
    public const int FirstYear = 1990;

    /// <summary>A figure may describe next year (a voted budget), not later.</summary>
    public int LastYear => CurrentYear + 1;

    /// <summary>A strategy may run well beyond next year ("Stratégie 2024-2030").</summary>
    public int LastPeriodYear => LastYear + 20;
}
