namespace RtesPlatform.Core.Features.OpenData;

public enum OpenDataType
{
    Text,
    WholeNumber,
    Number,
    /// <summary>ISO 8601 date and time in UTC (2026-11-22T09:30:00Z).</summary>
    DateTime,
    /// <summary>A list of codes: separated by ";" in CSV, an array in JSON.</summary>
    TextList,
    /// <summary>A JSON document (JSON files only).</summary>
    Json,
}

public sealed record OpenDataColumn(string Name, OpenDataType Type, string Description);

/// <summary>One downloadable file: its query (public data only) and its documented columns.</summary>
public sealed record OpenDataSet(string Name, string Title, string Description, bool HasCsv, string Sql, IReadOnlyList<OpenDataColumn> Columns);

/// <summary>
/// The open-data files: everything a visitor can see, as CSV (UTF-8, comma, header row, ISO
/// dates, SIREN and INSEE codes as quoted text) and JSON. Every query reads public data only:
/// published fiches of active members, public indicator values, contacts that consented.
/// </summary>
public static class OpenDataSets
{
    private const string Identity = """
        t.siren, t.insee_code, t.name, t.kind
        """;

    private static readonly OpenDataColumn[] _identityColumns =
    [
        new("siren", OpenDataType.Text, "SIREN de la collectivité (9 chiffres ; vide pour les départements et régions)"),
        new("code_insee", OpenDataType.Text, "Code INSEE (communes, départements, régions)"),
        new("collectivite", OpenDataType.Text, "Nom officiel"),
        new("type", OpenDataType.Text, "Type : commune, cc, ca, cu, metropole, ept, departement, region"),
    ];

    public static OpenDataSet Collectivities { get; } = new(
        "collectivites",
        "Collectivités membres",
        "Les collectivités membres du réseau, leur territoire et leur population légale.",
        HasCsv: true,
        $"""
        SELECT {Identity}, t.slug, t.region_code, t.region_name, t.departement_code, t.departement_name,
               t.population, t.population_vintage, t.membership_year, t.published_at, t.origin
        FROM tenants t
        WHERE t.status = 'active'
        ORDER BY t.name, t.id
        """,
        [
            .. _identityColumns,
            new("identifiant", OpenDataType.Text, "Identifiant de la fiche sur la plateforme (/collectivites/{identifiant})"),
            new("code_region", OpenDataType.Text, "Code INSEE de la région"),
            new("region", OpenDataType.Text, "Région"),
            new("code_departement", OpenDataType.Text, "Code INSEE du département"),
            new("departement", OpenDataType.Text, "Département"),
            new("population", OpenDataType.WholeNumber, "Population légale (INSEE)"),
            new("population_millesime", OpenDataType.WholeNumber, "Millésime de la population"),
            new("annee_adhesion", OpenDataType.WholeNumber, "Année d’adhésion au RTES"),
            new("fiche_publiee_le", OpenDataType.DateTime, "Date de la dernière publication de la fiche (vide si aucune)"),
            new("origine", OpenDataType.Text, "reference (collectivité du référentiel officiel), synthetic (collectivité fictive de démonstration ou de test)"),
        ]);

    public static OpenDataSet Indicators { get; } = new(
        "indicateurs",
        "Catalogue des indicateurs",
        "Les indicateurs que le réseau compare : définition, unité, division possible par la population.",
        HasCsv: true,
        """
        SELECT i.code, i.label_fr, i.label_en, i.unit, i.category, i.per_capita_base, i.definition
        FROM indicators i
        ORDER BY i.sort_order, i.code
        """,
        [
            new("code", OpenDataType.Text, "Code stable de l’indicateur"),
            new("libelle", OpenDataType.Text, "Libellé en français"),
            new("libelle_en", OpenDataType.Text, "Libellé en anglais"),
            new("unite", OpenDataType.Text, "Unité : Euros, Persons (personnes), Fte (ETP), Percent, Count (nombre), Hours (heures)"),
            new("categorie", OpenDataType.Text, "Catégorie"),
            new("base_par_habitants", OpenDataType.WholeNumber, "Nombre d’habitants pour la valeur par habitant (1, 1000, 10000, 100000) ; vide si l’indicateur ne se divise pas"),
            new("definition", OpenDataType.Text, "Définition"),
        ]);

    public static OpenDataSet Values { get; } = new(
        "valeurs",
        "Valeurs des indicateurs",
        "Les valeurs publiques de chaque indicateur, par collectivité et par année, avec leur source.",
        HasCsv: true,
        $"""
        SELECT {Identity}, v.indicator_code, v.year, v.value, i.unit, t.population, t.population_vintage,
               v.source_title, v.source_url, CASE WHEN t.origin = 'synthetic' THEN 'synthetic' ELSE v.origin END, v.updated_at
        FROM indicator_values v
        JOIN tenants t ON t.id = v.tenant_id AND t.status = 'active'
        JOIN indicators i ON i.code = v.indicator_code
        WHERE v.visibility = 'public'
        ORDER BY t.name, t.id, v.indicator_code, v.year
        """,
        [
            .. _identityColumns,
            new("indicateur", OpenDataType.Text, "Code de l’indicateur (voir indicateurs.csv)"),
            new("annee", OpenDataType.WholeNumber, "Année de la valeur"),
            new("valeur", OpenDataType.Number, "Valeur (point décimal)"),
            new("unite", OpenDataType.Text, "Unité"),
            new("population", OpenDataType.WholeNumber, "Population légale de la collectivité"),
            new("population_millesime", OpenDataType.WholeNumber, "Millésime de la population"),
            new("source", OpenDataType.Text, "Source de la valeur"),
            new("source_url", OpenDataType.Text, "Adresse de la source"),
            new("origine", OpenDataType.Text, "fiche (tirée de la fiche publiée), manual (saisie par la collectivité), synthetic (données fictives de démonstration ou de test)"),
            new("mise_a_jour", OpenDataType.DateTime, "Date de mise à jour"),
        ]);

    public static OpenDataSet Actions { get; } = new(
        "actions",
        "Actions soutenues",
        "Les actions décrites dans les fiches publiées, avec leurs thèmes.",
        HasCsv: true,
        $"""
        SELECT {Identity}, a.action->>'title',
               ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(a.action->'themes') = 'array' THEN a.action->'themes' ELSE '[]' END)),
               CASE WHEN jsonb_typeof(a.action->'yearStart') = 'number' THEN (a.action->>'yearStart')::numeric::integer END,
               CASE WHEN jsonb_typeof(a.action->'yearEnd') = 'number' THEN (a.action->>'yearEnd')::numeric::integer END,
               CASE WHEN jsonb_typeof(a.action->'amount') = 'number' THEN (a.action->>'amount')::numeric END,
               CASE WHEN jsonb_typeof(a.action->'amountYear') = 'number' THEN (a.action->>'amountYear')::numeric::integer END,
               a.action->>'description', t.slug, v.published_at
        FROM tenants t
        JOIN fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
        CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(v.content->'actions') = 'array' THEN v.content->'actions' ELSE '[]' END) AS a(action)
        WHERE t.status = 'active' AND jsonb_typeof(a.action) = 'object'
        ORDER BY t.name, t.id
        """,
        [
            .. _identityColumns,
            new("titre", OpenDataType.Text, "Titre de l’action"),
            new("themes", OpenDataType.TextList, "Codes des thèmes (séparés par ; en CSV)"),
            new("annee_debut", OpenDataType.WholeNumber, "Année de début"),
            new("annee_fin", OpenDataType.WholeNumber, "Année de fin"),
            new("montant", OpenDataType.Number, "Montant en euros"),
            new("annee_montant", OpenDataType.WholeNumber, "Année du montant"),
            new("description", OpenDataType.Text, "Description (Markdown)"),
            new("identifiant", OpenDataType.Text, "Identifiant de la fiche"),
            new("fiche_publiee_le", OpenDataType.DateTime, "Date de publication de la fiche"),
        ]);

    /// <summary>The published fiches as published, without the contacts that did not consent to publication.</summary>
    public static OpenDataSet Fiches { get; } = new(
        "fiches",
        "Fiches publiées",
        "Le contenu complet de chaque fiche publiée (JSON seulement), sans les contacts qui n’ont pas consenti à leur publication.",
        HasCsv: false,
        $"""
        SELECT {Identity}, t.slug, v.number, v.published_at,
               jsonb_set(v.content, ARRAY['contacts'], coalesce((
                   SELECT jsonb_agg(c) FROM jsonb_array_elements(
                       CASE WHEN jsonb_typeof(v.content->'contacts') = 'array' THEN v.content->'contacts' ELSE '[]' END) c
                   WHERE jsonb_typeof(c) = 'object' AND c->>'consent' = 'Given'), '[]'::jsonb))::text
        FROM tenants t
        JOIN fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
        WHERE t.status = 'active'
        ORDER BY t.name, t.id
        """,
        [
            .. _identityColumns,
            new("identifiant", OpenDataType.Text, "Identifiant de la fiche"),
            new("version", OpenDataType.WholeNumber, "Numéro de la version publiée"),
            new("publiee_le", OpenDataType.DateTime, "Date de publication"),
            new("contenu", OpenDataType.Json, "Contenu de la fiche (panorama, budget, programme, actions, contacts consentis, sources)"),
        ]);

    public static IReadOnlyList<OpenDataSet> All { get; } = [Collectivities, Indicators, Values, Actions, Fiches];

    public static OpenDataSet? Find(string? name) => All.FirstOrDefault(s => s.Name == name);
}
