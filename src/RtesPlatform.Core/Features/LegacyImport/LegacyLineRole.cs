namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Where a line of the input went: every non-empty line gets exactly one role.</summary>
public enum LegacyLineRole
{
    /// <summary>The collectivity's name that opens the fiche.</summary>
    Name,
    /// <summary>A section heading ("Panorama de l'ESS sur le territoire", "Contact public"…).</summary>
    Heading,
    /// <summary>An identity label ("Type de collectivité", "Année d'adhésion au RTES: 2016"…).</summary>
    IdentityLabel,
    /// <summary>The value of an identity label (type, population, address, région).</summary>
    IdentityValue,
    /// <summary>"Fiche en cours de rédaction".</summary>
    InProgressFlag,
    /// <summary>A contact ("Élue représentante : …", "Titre : …", "Chargée de mission …: …").</summary>
    Contact,
    PanoramaNarrative,
    BudgetNarrative,
    ProgrammeNarrative,
    /// <summary>A bullet under an announced count of orientations, become a programme axis.</summary>
    ProgrammeAxis,
    /// <summary>Title or description of a supported action.</summary>
    Action,
    /// <summary>A "label : amount" line turned into a budget line (its text stays in the report).</summary>
    BudgetLine,
    /// <summary>"En 2023 :" when every line it dates became a budget line.</summary>
    YearMarker,
    /// <summary>
    /// Not placed in the model (an unreadable line under "Contact public", an unreadable identity
    /// value, a label's second value): kept on the draft as "texte non classé" (<c>FicheContent.Unclassified</c>).
    /// </summary>
    Unplaced,
    /// <summary>The website's header ("Réseau des collectivités Territoriales pour une Économie Solidaire").</summary>
    SiteHeader,
    /// <summary>Text before the first fiche of a file whose fiches all have names.</summary>
    BeforeFirstFiche,
}
