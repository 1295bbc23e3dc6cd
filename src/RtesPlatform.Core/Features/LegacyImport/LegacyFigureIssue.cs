namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Why a figure read in the text was left in the narrative instead of becoming data.</summary>
public enum LegacyFigureIssue
{
    /// <summary>Neither the sentence nor its section states a year.</summary>
    NoYear,
    /// <summary>The sentence (or its section) names several years: which one is meant is a guess.</summary>
    SeveralYears,
    /// <summary>A ceiling ("maximum 30 000 euros par structure"), not an amount spent.</summary>
    Cap,
    /// <summary>A range ("entre 85 000 et 95 000").</summary>
    Range,
    /// <summary>Part of a figure given just before ("dont 10 …").</summary>
    Breakdown,
    /// <summary>A threshold inside a sentence ("moins de 3 salariés", "ont plus de 50 salariés").</summary>
    Threshold,
    /// <summary>A rate ("8 associations pour 10 000 habitants").</summary>
    Ratio,
    /// <summary>A share whose subject is not the ESS ("l'emploi associatif représente 11,9 %").</summary>
    NotAboutEss,
    /// <summary>A second figure of the same unit in one sentence: a detail of the first.</summary>
    RepeatedUnit,
    /// <summary>An amount in a section other than the budget (an action's or a partner's amount).</summary>
    OutsideBudgetSection,
    /// <summary>The fiche already gave a staff figure.</summary>
    SecondStaffFigure,
    /// <summary>A total of budget lines given just before ("Total : 392 000 €"): counting it would count them twice.</summary>
    Total,
}
