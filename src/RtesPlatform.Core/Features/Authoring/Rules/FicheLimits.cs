namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>
/// The maximum length (in characters, after trimming) of every text stored in a fiche, and the
/// maximum number of entries of every list. The same limits hold for the back-office pages, the
/// officers' API, the legacy importer and the demo seed (<see cref="FicheRules"/>); they are
/// documented in docs/security.md ("Stored text limits").
/// </summary>
public static class FicheLimits
{
    public const int Narrative = 20_000;
    public const int Unclassified = 20_000;
    /// <summary>The tenant's address (column tenants.address).</summary>
    public const int Address = 500;
    public const int FigureLabel = 200;
    public const int BudgetLineLabel = 200;
    public const int StaffNote = 300;
    public const int StrategyTitle = 200;
    public const int AxisTitle = 300;
    public const int AxisText = 10_000;
    public const int ActionTitle = 300;
    public const int ActionDescription = 20_000;
    public const int PartnerName = 200;
    public const int ContactName = 200;
    public const int ContactTitle = 200;
    public const int ContactService = 200;
    public const int ContactEmail = 200;
    public const int ContactPhone = 30;
    public const int SourceKey = 60;
    public const int SourceTitle = 300;
    public const int SourcePublisher = 200;
    public const int Url = 500;
    public const int IndicatorCode = 60;
    public const int ThemeCode = 60;

    public const int Figures = 200;
    public const int BudgetLines = 200;
    public const int Axes = 50;
    public const int Actions = 200;
    public const int Partners = 50;
    public const int Results = 50;
    public const int Contacts = 50;
    public const int Sources = 200;

    /// <summary>What the figures' columns hold (numeric(20,4)), with a margin for sums of lines.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;
}
