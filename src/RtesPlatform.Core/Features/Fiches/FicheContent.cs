namespace RtesPlatform.Core.Features.Fiches;

/// <summary>
/// The editable body of a fiche. Identity (name, kind, population, address, région, membership
/// year) lives on the tenant; everything else lives here and is stored as one JSON document per
/// draft or published version, so that a published version is an immutable snapshot.
/// </summary>
public sealed record FicheContent
{
    public PanoramaSection Panorama { get; init; } = new();
    public BudgetSection Budget { get; init; } = new();
    public ProgrammeSection Programme { get; init; } = new();
    public IReadOnlyList<SupportedAction> Actions { get; init; } = [];
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public IReadOnlyList<Source> Sources { get; init; } = [];
    /// <summary>
    /// "Texte non classé": lines of an imported fiche that found no place in the model (one per
    /// line, joined by "\n"), kept on the draft for the network admin and the officers to sort out.
    /// Never shown on the public fiche.
    /// </summary>
    public string? Unclassified { get; init; }
}

public sealed record PanoramaSection
{
    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public string? Narrative { get; init; }
    public IReadOnlyList<KeyFigure> Figures { get; init; } = [];
}

/// <summary>A sourced figure: a value with its unit, year and the source it comes from.</summary>
public sealed record KeyFigure
{
    /// <summary>Optional indicator code from the network catalogue (e.g. "ess_employees").</summary>
    public string? IndicatorCode { get; init; }
    public required string Label { get; init; }
    public required decimal Value { get; init; }
    public required FigureUnit Unit { get; init; }
    public required int Year { get; init; }
    /// <summary>Key of an entry of <see cref="FicheContent.Sources"/>.</summary>
    public string? SourceKey { get; init; }
}

public enum FigureUnit
{
    Count,
    Persons,
    Euros,
    Percent,
    Fte,
    Hours,
}

public sealed record BudgetSection
{
    public string? Narrative { get; init; }
    public IReadOnlyList<BudgetLine> Lines { get; init; } = [];
    public StaffFigure? Staff { get; init; }
}

public sealed record BudgetLine
{
    public required string Label { get; init; }
    public required decimal Amount { get; init; }
    public required int Year { get; init; }
    public required BudgetNature Nature { get; init; }
    public string? SourceKey { get; init; }
}

public enum BudgetNature
{
    Fonctionnement,
    Investissement,
    FondsSubventions,
    ConventionsPartenariat,
    Autre,
}

/// <summary>Staff dedicated to the ESS, in full-time equivalents.</summary>
public sealed record StaffFigure
{
    public required decimal Fte { get; init; }
    public required int Year { get; init; }
    public string? Note { get; init; }
    public string? SourceKey { get; init; }
}

public sealed record ProgrammeSection
{
    public string? StrategyTitle { get; init; }
    public int? PeriodStart { get; init; }
    public int? PeriodEnd { get; init; }
    public string? Narrative { get; init; }
    public IReadOnlyList<ProgrammeAxis> Axes { get; init; } = [];
}

public sealed record ProgrammeAxis
{
    public required string Title { get; init; }
    public string? Text { get; init; }
}

public sealed record SupportedAction
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Codes of the network-wide theme taxonomy (see <see cref="Theme"/>).</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    public int? YearStart { get; init; }
    public int? YearEnd { get; init; }
    public decimal? Amount { get; init; }
    public int? AmountYear { get; init; }
    public IReadOnlyList<string> Partners { get; init; } = [];
    public IReadOnlyList<ResultFigure> Results { get; init; } = [];
    public string? SourceKey { get; init; }
}

public sealed record ResultFigure
{
    public required string Label { get; init; }
    public required decimal Value { get; init; }
    public required FigureUnit Unit { get; init; }
    public required int Year { get; init; }
    public string? SourceKey { get; init; }
}

public sealed record Contact
{
    public required ContactRole Role { get; init; }
    public required string Name { get; init; }
    /// <summary>Title of an elected representative, or function of an officer.</summary>
    public string? Title { get; init; }
    public string? Service { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    /// <summary>
    /// Personal data (RGPD): a contact is shown (public fiche, API, open data) only when its
    /// publication was consented to; an imported contact's consent is not known until an officer
    /// records it.
    /// </summary>
    public ContactConsent Consent { get; init; }

    /// <summary>Whether the public may see this contact.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool MayBePublished => Consent == ContactConsent.Given;
}

/// <summary>Whether a contact agreed to the publication of their details.</summary>
public enum ContactConsent
{
    /// <summary>Not recorded (an imported contact): shown to officers as "à confirmer", never published.</summary>
    Unknown,
    Given,
    Refused,
}

public enum ContactRole
{
    ElectedRepresentative,
    Officer,
}

public sealed record Source
{
    /// <summary>Short stable key that figures point to (e.g. "insee-flores-2019").</summary>
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Publisher { get; init; }
    public int? Year { get; init; }
    public Uri? Url { get; init; }
}
