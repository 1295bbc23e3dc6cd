namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>French wording of <see cref="LegacyFigureIssue"/> for import reports.</summary>
public static class LegacyFigureIssues
{
    public static string French(LegacyFigureIssue issue) => issue switch
    {
        LegacyFigureIssue.NoYear => "pas d'année",
        LegacyFigureIssue.SeveralYears => "plusieurs années possibles",
        LegacyFigureIssue.Cap => "plafond, pas un montant dépensé",
        LegacyFigureIssue.Range => "fourchette",
        LegacyFigureIssue.Breakdown => "détail d'un chiffre précédent (« dont »)",
        LegacyFigureIssue.Threshold => "seuil (« moins de », « plus de »)",
        LegacyFigureIssue.Ratio => "ratio (« pour », « par »)",
        LegacyFigureIssue.NotAboutEss => "part qui ne porte pas sur l'ESS",
        LegacyFigureIssue.RepeatedUnit => "second chiffre de même unité dans la phrase",
        LegacyFigureIssue.OutsideBudgetSection => "montant hors de la rubrique budget",
        LegacyFigureIssue.SecondStaffFigure => "effectif déjà lu plus haut",
        LegacyFigureIssue.Total => "total de lignes déjà lues",
        _ => issue.ToString(),
    };
}
