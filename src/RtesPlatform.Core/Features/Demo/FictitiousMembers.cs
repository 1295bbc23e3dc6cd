using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Demo;

/// <summary>
/// The Development demo's fictitious members ("Données fictives de démonstration"): invented
/// collectivities with invented figures, so that <c>./rtes run</c> shows comparisons that compare —
/// peer groups of at least five members in two kinds (agglomérations of Nouvelle-Aquitaine beside
/// La Rochelle, territoires of Île-de-France beside Est Ensemble), values over several years,
/// members whose latest value is of different years. Their tenants carry
/// <see cref="TenantOrigin.Synthetic"/> and no official identifier; every page and export that
/// shows one says it is fictitious. Never seeded in Production (see <see cref="DemoSeeder"/>).
/// The figures are a pure function of the member's position: re-running the seed changes nothing.
/// </summary>
public static class FictitiousMembers
{
    public const string SourceKey = "donnees-fictives";
    public const string SlugPrefix = "fictive-";
    public static readonly DateTimeOffset PublishedAt = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<FictitiousMember> All { get; } =
    [
        new("fictive-agglo-des-marais", "Agglomération fictive des Marais", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "17", "Charente-Maritime", 118_400),
        new("fictive-agglo-du-bocage", "Agglomération fictive du Bocage", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "79", "Deux-Sèvres", 142_900),
        new("fictive-agglo-des-vignes", "Agglomération fictive des Vignes", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "16", "Charente", 131_250),
        new("fictive-agglo-de-l-estuaire", "Agglomération fictive de l’Estuaire", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "33", "Gironde", 204_700),
        new("fictive-agglo-des-pins", "Agglomération fictive des Pins", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "40", "Landes", 109_800),
        new("fictive-agglo-du-causse", "Agglomération fictive du Causse", TenantKind.CommunauteAgglomeration, "75", "Nouvelle-Aquitaine", "24", "Dordogne", 163_300),
        new("fictive-territoire-canal-est", "Territoire fictif Canal-Est", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "93", "Seine-Saint-Denis", 412_600),
        new("fictive-territoire-plaine-nord", "Territoire fictif Plaine-Nord", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "93", "Seine-Saint-Denis", 438_100),
        new("fictive-territoire-boucle-sud", "Territoire fictif Boucle-Sud", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "92", "Hauts-de-Seine", 327_900),
        new("fictive-territoire-coteaux-ouest", "Territoire fictif Coteaux-Ouest", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "92", "Hauts-de-Seine", 296_400),
        new("fictive-territoire-val-de-marne-est", "Territoire fictif Val-Est", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "94", "Val-de-Marne", 352_800),
        new("fictive-territoire-bords-de-seine", "Territoire fictif Bords-de-Seine", TenantKind.EtablissementPublicTerritorial, "11", "Île-de-France", "94", "Val-de-Marne", 489_300),
    ];

    private static readonly (string Title, string Description, string[] Themes)[] _actions =
    [
        ("Club des clauses sociales", "Action fictive de démonstration : un club d’acheteurs publics qui inscrit des clauses sociales dans ses marchés, avec un facilitateur partagé.", ["commande-publique", "iae"]),
        ("Tiers-lieu de l’économie solidaire", "Action fictive de démonstration : un tiers-lieu qui accueille des associations et des coopératives du territoire.", ["tiers-lieux", "cooperation-ptce"]),
        ("Fonds de prêts d’honneur solidaires", "Action fictive de démonstration : des prêts d’honneur pour les créateurs d’entreprises de l’ESS.", ["finance-solidaire", "jeunesse-entrepreneuriat"]),
        ("Ressourcerie intercommunale", "Action fictive de démonstration : une ressourcerie qui collecte, répare et revend des objets, avec des salariés en insertion.", ["reemploi-economie-circulaire", "iae"]),
        ("Circuits alimentaires de proximité", "Action fictive de démonstration : une légumerie solidaire qui fournit la restauration scolaire.", ["alimentation"]),
    ];

    /// <summary>The published content of the member at <paramref name="index"/> of <see cref="All"/>.</summary>
    public static FicheContent ContentOf(int index)
    {
        var member = All[index];
        // Members report up to different years (2024, 2023 or 2022) over four to six years.
        var lastYear = 2024 - (index % 3);
        var firstYear = 2019 + (index % 2);
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        // A member's size and engagement: stable, distinct per member.
        var scale = member.Population / 1000m;
        var engagement = 0.6m + (index * 37 % 11) / 10m;

        var figures = new List<KeyFigure>();
        foreach (var year in years)
        {
            var growth = 1 + (year - 2019) * 0.03m;
            figures.Add(Figure("ess_employees", "Salariés de l’ESS", Math.Round(scale * 95 * engagement * growth), FigureUnit.Persons, year));
            figures.Add(Figure("ess_establishments", "Établissements de l’ESS", Math.Round(scale * 9 * engagement * growth), FigureUnit.Count, year));
        }

        figures.Add(Figure("ess_share_private_jobs", "Part de l’ESS dans l’emploi privé", Math.Round(9 + engagement * 4, 1), FigureUnit.Percent, lastYear));
        if (index % 2 == 0)
        {
            figures.Add(Figure("social_clause_fte", "ETP d’insertion des clauses sociales", Math.Round(scale * 0.4m * engagement), FigureUnit.Fte, lastYear));
        }

        var lines = new List<BudgetLine>();
        foreach (var year in years.Where(y => y >= 2020))
        {
            var growth = 1 + (year - 2020) * 0.05m;
            lines.Add(new BudgetLine
            {
                Label = "Subventions aux structures de l’ESS",
                Amount = Math.Round(member.Population * 1.1m * engagement * growth / 1000) * 1000,
                Year = year,
                Nature = BudgetNature.FondsSubventions,
                SourceKey = SourceKey,
            });
            lines.Add(new BudgetLine
            {
                Label = "Animation et accompagnement",
                Amount = Math.Round(member.Population * 0.35m * growth / 1000) * 1000,
                Year = year,
                Nature = BudgetNature.Fonctionnement,
                SourceKey = SourceKey,
            });
        }

        var actions = Enumerable.Range(0, 2)
            .Select(k => _actions[(index + k * 2) % _actions.Length])
            .Select((a, k) => new SupportedAction
            {
                Title = a.Title,
                Description = a.Description,
                Themes = a.Themes,
                YearStart = 2018 + (index + k) % 5,
                SourceKey = SourceKey,
            })
            .ToList();

        return new FicheContent
        {
            Panorama = new PanoramaSection
            {
                Narrative = "**Données fictives de démonstration.** Cette collectivité n’existe pas : elle a été créée pour "
                    + "montrer les comparaisons de la plateforme, et ses chiffres sont inventés. Les collectivités réelles "
                    + "du réseau ne portent pas cette mention.",
                Figures = figures,
            },
            Budget = new BudgetSection
            {
                Narrative = "Budget fictif de démonstration.",
                Lines = lines,
                Staff = new StaffFigure { Fte = 1 + index % 4, Year = lastYear, SourceKey = SourceKey },
            },
            Programme = new ProgrammeSection
            {
                StrategyTitle = "Feuille de route ESS (fictive)",
                PeriodStart = 2021,
                PeriodEnd = 2026,
                Narrative = "Programme fictif de démonstration.",
                Axes =
                [
                    new ProgrammeAxis { Title = "Soutenir la création d’activités de l’ESS" },
                    new ProgrammeAxis { Title = "Développer l’achat public responsable" },
                ],
            },
            Actions = actions,
            Sources =
            [
                new Source
                {
                    Key = SourceKey,
                    Title = "Données fictives de démonstration (RTES Platform)",
                    Publisher = "RTES Platform",
                    Year = 2026,
                },
            ],
        };
    }

    private static KeyFigure Figure(string code, string label, decimal value, FigureUnit unit, int year) => new()
    {
        IndicatorCode = code,
        Label = label,
        Value = value,
        Unit = unit,
        Year = year,
        SourceKey = SourceKey,
    };
}

/// <summary>One fictitious demo member: its identity (no official identifier).</summary>
public sealed record FictitiousMember(
    string Slug,
    string Name,
    TenantKind Kind,
    string RegionCode,
    string RegionName,
    string DepartementCode,
    string DepartementName,
    int Population);
