namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// A figure read in a fiche: as written (<see cref="Figure"/>), in its sentence, and either what
/// it became (<see cref="Became"/>) or why it stayed narrative (<see cref="Issue"/>).
/// </summary>
public sealed record LegacyFigureNote
{
    public required LegacySection Section { get; init; }
    public required int LineNumber { get; init; }
    public required string Figure { get; init; }
    public required decimal Value { get; init; }
    public required string Sentence { get; init; }
    public int? Year { get; init; }
    /// <summary>For an extracted figure: "ligne de budget « Fonctionnement »", "effectif ESS", "chiffre clé « Salariés »".</summary>
    public string? Became { get; init; }
    public LegacyFigureIssue? Issue { get; init; }
}
