using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Core.Features.OpenData;

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
        new("siren", "SIREN", OpenDataType.Text, "SIREN de la collectivité (9 chiffres ; vide pour les départements et régions)"),
        new("code_insee", "Code INSEE", OpenDataType.Text, "Code INSEE (communes, départements, régions)"),
        new("collectivite", "Collectivité", OpenDataType.Text, "Nom officiel"),
        new("type", "Type", OpenDataType.Text, "Type : commune, cc, ca, cu, metropole, ept, departement, region"),
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
            new("identifiant", "Identifiant", OpenDataType.Text, "Identifiant de la fiche sur la plateforme (/collectivites/{identifiant})"),
            new("code_region", "Code région", OpenDataType.Text, "Code INSEE de la région"),
            new("region", "Région", OpenDataType.Text, "Région"),
            new("code_departement", "Code département", OpenDataType.Text, "Code INSEE du département"),
            new("departement", "Département", OpenDataType.Text, "Département"),
            new("population", "Population", OpenDataType.WholeNumber, "Population légale (INSEE)"),
            new("population_millesime", "Millésime de la population", OpenDataType.Year, "Millésime de la population"),
            new("annee_adhesion", "Année d’adhésion", OpenDataType.Year, "Année d’adhésion au RTES"),
            new("fiche_publiee_le", "Fiche publiée le (UTC)", OpenDataType.DateTime, "Date de la dernière publication de la fiche (vide si aucune)"),
            new("origine", "Origine", OpenDataType.Text, "reference (collectivité du référentiel officiel), synthetic (collectivité fictive de démonstration ou de test)"),
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
            new("code", "Code", OpenDataType.Text, "Code stable de l’indicateur"),
            new("libelle", "Libellé", OpenDataType.Text, "Libellé en français"),
            new("libelle_en", "Libellé (anglais)", OpenDataType.Text, "Libellé en anglais"),
            new("unite", "Unité", OpenDataType.Text, "Unité : Euros, Persons (personnes), Fte (ETP), Percent, Count (nombre), Hours (heures)", ExportUnits.French),
            new("categorie", "Catégorie", OpenDataType.Text, "Catégorie"),
            new("base_par_habitants", "Base par habitants", OpenDataType.WholeNumber, "Nombre d’habitants pour la valeur par habitant (1, 1000, 10000, 100000) ; vide si l’indicateur ne se divise pas"),
            new("definition", "Définition", OpenDataType.Text, "Définition"),
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
            new("indicateur", "Indicateur", OpenDataType.Text, "Code de l’indicateur (voir indicateurs.csv)"),
            new("annee", "Année", OpenDataType.Year, "Année de la valeur"),
            new("valeur", "Valeur", OpenDataType.Number, "Valeur (point décimal)"),
            new("unite", "Unité", OpenDataType.Text, "Unité", ExportUnits.French),
            new("population", "Population", OpenDataType.WholeNumber, "Population légale de la collectivité"),
            new("population_millesime", "Millésime de la population", OpenDataType.Year, "Millésime de la population"),
            new("source", "Source", OpenDataType.Text, "Source de la valeur"),
            new("source_url", "Adresse de la source", OpenDataType.Text, "Adresse de la source"),
            new("origine", "Origine", OpenDataType.Text, "fiche (tirée de la fiche publiée), manual (saisie par la collectivité), synthetic (données fictives de démonstration ou de test)"),
            new("mise_a_jour", "Mise à jour (UTC)", OpenDataType.DateTime, "Date de mise à jour"),
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
            new("titre", "Titre", OpenDataType.Text, "Titre de l’action"),
            new("themes", "Thèmes", OpenDataType.TextList, "Codes des thèmes (séparés par ; en CSV)"),
            new("annee_debut", "Année de début", OpenDataType.Year, "Année de début"),
            new("annee_fin", "Année de fin", OpenDataType.Year, "Année de fin"),
            new("montant", "Montant (€)", OpenDataType.Number, "Montant en euros"),
            new("annee_montant", "Année du montant", OpenDataType.Year, "Année du montant"),
            new("description", "Description", OpenDataType.Text, "Description (Markdown)"),
            new("identifiant", "Identifiant", OpenDataType.Text, "Identifiant de la fiche"),
            new("fiche_publiee_le", "Fiche publiée le (UTC)", OpenDataType.DateTime, "Date de publication de la fiche"),
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
            new("identifiant", "Identifiant", OpenDataType.Text, "Identifiant de la fiche"),
            new("version", "Version", OpenDataType.WholeNumber, "Numéro de la version publiée"),
            new("publiee_le", "Publiée le (UTC)", OpenDataType.DateTime, "Date de publication"),
            new("contenu", "Contenu", OpenDataType.Json, "Contenu de la fiche (panorama, budget, programme, actions, contacts consentis, sources)"),
        ]);

    public static IReadOnlyList<OpenDataSet> All { get; } = [Collectivities, Indicators, Values, Actions, Fiches];

    public static OpenDataSet? Find(string? name) => All.FirstOrDefault(s => s.Name == name);
}
