using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The comparison parameters checked against the database: the indicator of the catalogue, the
/// window (its end year among the years that have values: the nearest one when the year asked
/// has none, said in <see cref="Notices"/>), the members named, the peer group (through the
/// Core's <see cref="PeerGroupRequest"/>, like the API). Shared by the pages and the exports,
/// which therefore show the same rows.
/// </summary>
public sealed class ComparisonRequest
{
    /// <summary>How many members the datalist of the member field proposes at most.</summary>
    public const int MemberSuggestions = 300;

    private readonly List<string> _notices = [];

    private ComparisonRequest(ComparisonParameters parameters) => Parameters = parameters;

    public ComparisonParameters Parameters { get; }
    public IReadOnlyList<Indicator> Catalogue { get; private set; } = [];
    public Indicator? Indicator { get; private set; }
    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];
    public int? Year => Parameters.Year;
    /// <summary>The window compared (null without an indicator or without any year of values).</summary>
    public ComparisonWindow? Window { get; private set; }
    /// <summary>What the server decided for the user (a year replaced by the nearest one with values), in French.</summary>
    public IReadOnlyList<string> Notices => _notices;
    /// <summary>The codes of the indicators the focus member has values of (empty without a focus).</summary>
    public IReadOnlyList<string> FocusIndicators { get; private set; } = [];
    public bool PerCapita => Parameters.PerCapita;
    public PeerGroup Group { get; private set; } = PeerGroup.All;
    public PeerMember? Focus { get; private set; }
    public IReadOnlyList<PeerMember> Members { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> MemberSuggestionsList { get; private set; } = [];
    public IReadOnlyList<string> Errors => Parameters.Errors;

    /// <summary>Whether the end year has values the viewer may compare.</summary>
    public bool YearHasValues => Year is { } year && Years.Any(y => y.Year == year);

    public string? RegionName(string? code) =>
        code is null ? null : RegionOptions.FirstOrDefault(r => r.Code == code).Label ?? code;

    /// <summary>The peer group in French: "tout le réseau", "communautés d’agglomération de la région Grand Est", ...</summary>
    public string Describe(PeerGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Describe(RegionName);
    }

    /// <summary>The group asked, in French (the result's group may be wider: see <see cref="ComparisonResult.Widening"/>).</summary>
    public string GroupLabel() => Describe(Group);

    /// <summary>Checks the parameters; <paramref name="suggestMembers"/> false skips the member field's datalist (the map has no such field).</summary>
    public static async Task<ComparisonRequest> ResolveAsync(
        ComparisonParameters parameters, ComparisonQueries queries, RtesDbContext db, CancellationToken cancellationToken, bool suggestMembers = true)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(db);
        var request = new ComparisonRequest(parameters);
        await request.LoadAsync(queries, db, suggestMembers, cancellationToken);
        return request;
    }

    private async Task LoadAsync(ComparisonQueries queries, RtesDbContext db, bool suggestMembers, CancellationToken cancellationToken)
    {
        Catalogue = await queries.CatalogueAsync(cancellationToken);
        RegionOptions = await MemberRegions.ActiveAsync(db, cancellationToken);

        Members = await FindMembersAsync(db, cancellationToken);
        Focus = Members.Count > 0 ? Members[0] : null;

        Indicator = await ChooseIndicatorAsync(db, cancellationToken);
        if (Indicator is null)
        {
            return;
        }

        Years = await queries.YearsAsync(Indicator.Code, cancellationToken);
        if (Focus is not null)
        {
            FocusIndicators = await queries.IndicatorsOfAsync(Focus.Id, cancellationToken);
        }

        var year = Parameters.Year ?? await DefaultYearAsync(db, cancellationToken);
        if (year is { } asked && Years.Count > 0 && Years.All(y => y.Year != asked))
        {
            year = NearestYear(asked);
            _notices.Add($"{Indicator.LabelFr} n’a aucune valeur en {asked} : la comparaison s’arrête à l’année la plus proche qui en a, {year}.");
        }

        if (Parameters.PerCapita && Indicator.PerCapitaBase is null)
        {
            Parameters.AddError("Cet indicateur ne se rapporte pas à la population (c’est une part ou un taux) : les valeurs sont comparées telles quelles.");
        }

        var windowYears = Parameters.WindowYears ?? await FocusWindowAsync(queries, db, year, cancellationToken) ?? ComparisonWindow.DefaultYears;
        Parameters.Settle(Indicator.Code, year, Parameters.PerCapita && Indicator.PerCapitaBase is not null, windowYears);
        Window = year is { } end ? new ComparisonWindow(end, windowYears) : null;
        Group = BuildGroup();
        if (suggestMembers)
        {
            MemberSuggestionsList = await SuggestionsAsync(db, Indicator.Code, Window, cancellationToken);
        }
    }

    private async Task<Indicator?> ChooseIndicatorAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        if (Parameters.IndicatorCode is { } code)
        {
            var known = Catalogue.FirstOrDefault(i => i.Code == code);
            if (known is null)
            {
                Parameters.AddError($"L’indicateur « {code} » n’existe pas dans le catalogue du réseau : choisissez-en un dans la liste.");
                Parameters.Settle(null, null, false);
            }

            return known;
        }

        // No indicator asked: the first of the catalogue with values — the highlighted member's
        // (its own rows, through the primary key), or the network's, read from the aggregates
        // (a few hundred rows) rather than from the millions of values.
        List<string> codes;
        if (Focus is not null)
        {
            var focusId = Focus.Id;
            codes = await db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
                .Where(v => v.TenantId == focusId && v.Visibility != ValueVisibility.Private)
                .Select(v => v.IndicatorCode).Distinct().ToListAsync(cancellationToken);
        }
        else
        {
            codes = await db.IndicatorAggregates.AsNoTracking()
                .Where(a => a.GroupKind == PeerGroupKinds.All && a.Audience == Audiences.Public)
                .Select(a => a.IndicatorCode).Distinct().ToListAsync(cancellationToken);
        }

        return Catalogue.FirstOrDefault(i => codes.Contains(i.Code)) ?? (Catalogue.Count > 0 ? Catalogue[0] : null);
    }

    /// <summary>
    /// With a member in focus and no window asked, the smallest window choice that still holds the
    /// member's latest value, so that "Comparer cette collectivité" ranks it (said in a notice);
    /// null when the default window already does, or when no choice reaches back that far.
    /// </summary>
    private async Task<int?> FocusWindowAsync(ComparisonQueries queries, RtesDbContext db, int? endYear, CancellationToken cancellationToken)
    {
        if (Focus is null || Indicator is null || endYear is not { } end || Parameters.WindowYears is not null)
        {
            return null;
        }

        var focusId = Focus.Id;
        var code = Indicator.Code;
        var network = (await queries.ViewerAsync(cancellationToken)).IsNetworkMember;
        var latest = await db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.TenantId == focusId && v.IndicatorCode == code && v.Year <= end
                && (v.Visibility == ValueVisibility.Public || (network && v.Visibility == ValueVisibility.Network)))
            .MaxAsync(v => (int?)v.Year, cancellationToken);
        if (latest is not { } year || year > end - ComparisonWindow.DefaultYears)
        {
            return null;
        }

        var years = ComparisonWindow.Choices.Where(c => c >= end - year + 1).Order().FirstOrDefault();
        if (years == 0)
        {
            return null;
        }

        var window = new ComparisonWindow(end, years);
        _notices.Add($"Dernière valeur de {Focus.Name} : {year.ToString(System.Globalization.CultureInfo.InvariantCulture)} ; la comparaison porte donc sur {years.ToString(System.Globalization.CultureInfo.InvariantCulture)} ans, {window.Label}.");
        return years;
    }

    /// <summary>The year with values nearest to the one asked (the later one on a tie).</summary>
    private int NearestYear(int asked) =>
        Years.Select(y => y.Year).OrderBy(y => Math.Abs(y - asked)).ThenByDescending(y => y).First();

    private async Task<int?> DefaultYearAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        // One year only: the focus member's latest year with a value. A window: the network's latest year.
        if (Focus is not null && Indicator is not null && Parameters.WindowYears == 1)
        {
            var focusId = Focus.Id;
            var code = Indicator.Code;
            var focusYears = await db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
                .Where(v => v.TenantId == focusId && v.IndicatorCode == code && v.Visibility != ValueVisibility.Private)
                .Select(v => v.Year)
                .ToListAsync(cancellationToken);
            if (Years.Select(y => y.Year).FirstOrDefault(y => focusYears.Contains(y)) is var year and > 0)
            {
                return year;
            }
        }

        return Years.Count > 0 ? Years[0].Year : null;
    }

    private PeerGroup BuildGroup()
    {
        var p = Parameters;
        var kind = TenantKindLabels.FromCode(p.Kind);
        if (p.Kind is not null && kind is null)
        {
            p.AddError("Le type de collectivité demandé n’est pas reconnu.");
        }

        var regionKnown = p.Region is not null && RegionOptions.Any(r => r.Code == p.Region);
        if (p.Region is not null && !regionKnown)
        {
            p.AddError("La région demandée ne compte aucun membre.");
        }

        var code = p.GroupAsked ? p.Group : Focus is not null ? "semblables" : "tout";
        var choice = code switch
        {
            "type" => PeerGroupChoice.Kind,
            "region" => PeerGroupChoice.Region,
            "type-region" => PeerGroupChoice.KindRegion,
            "type-strate" => PeerGroupChoice.KindBand,
            "semblables" => PeerGroupChoice.Similar,
            "liste" => PeerGroupChoice.List,
            _ => PeerGroupChoice.All,
        };
        var request = new PeerGroupRequest(
            choice, kind, regionKnown ? p.Region : null, p.Band, [.. Members.Select(m => m.Id)], Focus);
        var (group, missing) = request.Resolve();
        if (group is null)
        {
            p.AddError(choice switch
            {
                PeerGroupChoice.List => "Indiquez au moins un membre pour comparer une liste choisie : tout le réseau est comparé.",
                PeerGroupChoice.Similar when missing.Contains(PeerGroupPart.Band) && Focus is not null =>
                    $"La population de {Focus.Name} n’est pas connue : sa strate ne peut pas être déterminée, tout le réseau est comparé.",
                PeerGroupChoice.Similar => "Indiquez la collectivité dont les semblables sont cherchés (ou son type, sa région et sa strate) : tout le réseau est comparé.",
                _ => "Choisissez le type, la région ou la strate du groupe (ou un membre dont ils seront repris) : tout le réseau est comparé.",
            });
            p.SettleGroup("tout", p.Kind, p.Region, p.Band);
            return PeerGroup.All;
        }

        var named = choice is PeerGroupChoice.Kind or PeerGroupChoice.KindRegion or PeerGroupChoice.KindBand or PeerGroupChoice.Similar;
        p.SettleGroup(
            code,
            named && group.Kind is { } k ? TenantKindLabels.Code(k) : p.Kind,
            choice is PeerGroupChoice.Region or PeerGroupChoice.KindRegion or PeerGroupChoice.Similar ? group.RegionCode : p.Region,
            choice is PeerGroupChoice.KindBand or PeerGroupChoice.Similar ? group.Band : p.Band);
        return group;
    }

    private async Task<IReadOnlyList<PeerMember>> FindMembersAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        var asked = Parameters.Members;
        if (asked.Count == 0)
        {
            return [];
        }

        var active = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        var slugs = asked.Select(a => a.ToLowerInvariant()).ToList();
        var bySlug = await active.Where(t => slugs.Contains(t.Slug)).Select(Projection).ToListAsync(cancellationToken);
        var found = new List<PeerMember>();
        foreach (var name in asked)
        {
            var member = bySlug.FirstOrDefault(m => string.Equals(m.Slug, name, StringComparison.OrdinalIgnoreCase))
                ?? await FindByNameAsync(active, name, cancellationToken);
            if (member is not null && found.All(f => f.Id != member.Id))
            {
                found.Add(member);
            }
        }

        return found;
    }

    private async Task<PeerMember?> FindByNameAsync(IQueryable<Tenant> active, string name, CancellationToken cancellationToken)
    {
        var escaped = name.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        var exact = await active.Where(t => EF.Functions.ILike(t.Name, escaped)).Select(Projection).Take(2).ToListAsync(cancellationToken);
        var matches = exact.Count > 0
            ? exact
            : await active.Where(t => EF.Functions.ILike(t.Name, "%" + escaped + "%")).OrderBy(t => t.Name).Select(Projection).Take(2).ToListAsync(cancellationToken);
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                Parameters.AddError($"Aucune collectivité membre ne correspond à « {name} ».");
                return null;
            default:
                Parameters.AddError($"Plusieurs collectivités correspondent à « {name} » : choisissez-la dans la liste proposée.");
                return null;
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<Tenant, PeerMember>> Projection =
        t => new PeerMember(t.Id, t.Slug, t.Name, t.Kind, t.RegionCode, t.RegionName, t.Population);

    /// <summary>
    /// Members with a value of the indicator the viewer may see — for the chosen year when there is
    /// one (one range of the (indicator, year) index) —: the datalist of the member field.
    /// </summary>
    private static async Task<IReadOnlyList<(string, string)>> SuggestionsAsync(
        RtesDbContext db, string code, ComparisonWindow? window, CancellationToken cancellationToken)
    {
        int? first = window?.FirstYear;
        int? end = window?.EndYear;
        var withValues = db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.IndicatorCode == code && v.Visibility != ValueVisibility.Private
                && (end == null || (v.Year >= first && v.Year <= end)))
            .Select(v => v.TenantId);
        var members = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && withValues.Contains(t.Id))
            .OrderBy(t => t.Name)
            .Take(MemberSuggestions)
            .Select(t => new { t.Slug, t.Name })
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => (m.Slug, m.Name))];
    }
}
