using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>A member named in the address, found by slug or by name.</summary>
public sealed record NamedMember(Guid Id, string Slug, string Name, TenantKind Kind, string? RegionCode, string? RegionName, int? Population);

/// <summary>
/// The comparison parameters checked against the database: the indicator of the catalogue, the
/// years that have values, the members named, the peer group. Shared by the pages and the exports,
/// which therefore show the same rows.
/// </summary>
public sealed class ComparisonRequest
{
    /// <summary>How many members the datalist of the member field proposes at most.</summary>
    public const int MemberSuggestions = 300;

    private ComparisonRequest(ComparisonParameters parameters) => Parameters = parameters;

    public ComparisonParameters Parameters { get; }
    public IReadOnlyList<Indicator> Catalogue { get; private set; } = [];
    public Indicator? Indicator { get; private set; }
    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];
    public int? Year => Parameters.Year;
    public bool PerCapita => Parameters.PerCapita;
    public PeerGroup Group { get; private set; } = PeerGroup.All;
    public NamedMember? Focus { get; private set; }
    public IReadOnlyList<NamedMember> Members { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> RegionOptions { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> MemberSuggestionsList { get; private set; } = [];
    public IReadOnlyList<string> Errors => Parameters.Errors;

    /// <summary>Whether the year asked has values the viewer may compare.</summary>
    public bool YearHasValues => Year is { } year && Years.Any(y => y.Year == year);

    public string? RegionName(string? code) =>
        code is null ? null : RegionOptions.FirstOrDefault(r => r.Code == code).Label ?? code;

    /// <summary>The peer group in French: "tout le réseau", "communautés d’agglomération de Grand Est", ...</summary>
    public string GroupLabel() => Group.GroupKind switch
    {
        PeerGroup.ListKind => $"liste choisie de {ComparisonFormat.Members(Group.Members.Count)}",
        PeerGroupKinds.Kind => "type : " + KindLabel(),
        PeerGroupKinds.Region => "région : " + RegionName(Group.RegionCode),
        PeerGroupKinds.KindRegion => $"type : {KindLabel()}, région : {RegionName(Group.RegionCode)}",
        PeerGroupKinds.KindBand => $"type : {KindLabel()}, strate : {PopulationBands.Label(Group.Band)}",
        _ => "tout le réseau",
    };

    private string KindLabel() => Group.Kind is { } kind ? TenantKindLabels.French(kind) : string.Empty;

    public static async Task<ComparisonRequest> ResolveAsync(
        ComparisonParameters parameters, ComparisonQueries queries, RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(db);
        var request = new ComparisonRequest(parameters);
        await request.LoadAsync(queries, db, cancellationToken);
        return request;
    }

    private async Task LoadAsync(ComparisonQueries queries, RtesDbContext db, CancellationToken cancellationToken)
    {
        Catalogue = await queries.CatalogueAsync(cancellationToken);
        var regions = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && t.RegionCode != null && t.RegionName != null)
            .Select(t => new { t.RegionCode, t.RegionName })
            .Distinct()
            .ToListAsync(cancellationToken);
        RegionOptions = [.. regions.OrderBy(r => r.RegionName, StringComparer.Create(WebSetup.French, false)).Select(r => (r.RegionCode!, r.RegionName!))];

        Members = await FindMembersAsync(db, cancellationToken);
        Focus = Members.Count > 0 ? Members[0] : null;

        Indicator = await ChooseIndicatorAsync(db, cancellationToken);
        if (Indicator is null)
        {
            return;
        }

        Years = await queries.YearsAsync(Indicator.Code, cancellationToken);
        var year = Parameters.Year ?? await DefaultYearAsync(db, cancellationToken);
        if (Parameters.PerCapita && Indicator.PerCapitaBase is null)
        {
            Parameters.AddError("Cet indicateur ne se rapporte pas à la population (c’est une part ou un taux) : les valeurs sont comparées telles quelles.");
        }

        Parameters.Settle(Indicator.Code, year, Parameters.PerCapita && Indicator.PerCapitaBase is not null);
        Group = BuildGroup();
        MemberSuggestionsList = await SuggestionsAsync(db, Indicator.Code, Year, cancellationToken);
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

    private async Task<int?> DefaultYearAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        if (Focus is not null && Indicator is not null)
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

        if (p.Region is not null && RegionOptions.All(r => r.Code != p.Region))
        {
            p.AddError("La région demandée ne compte aucun membre.");
        }

        kind ??= Focus?.Kind;
        var region = p.Region is not null && RegionOptions.Any(r => r.Code == p.Region) ? p.Region : Focus?.RegionCode;
        var band = p.Band ?? PopulationBands.Of(Focus?.Population);
        var kindCode = kind is { } known ? TenantKindLabels.Code(known) : null;

        PeerGroup? group = p.Group switch
        {
            "type" when kind is { } k => PeerGroup.OfKind(k),
            "region" when region is not null => PeerGroup.OfRegion(region),
            "type-region" when kind is { } k && region is not null => PeerGroup.OfKindInRegion(k, region),
            "type-strate" when kind is { } k && band is not null => PeerGroup.OfKindInBand(k, band),
            "liste" when Members.Count > 0 => PeerGroup.OfMembers(Members.Select(m => m.Id)),
            "tout" => PeerGroup.All,
            _ => null,
        };
        if (group is null)
        {
            p.AddError(p.Group == "liste"
                ? "Indiquez au moins un membre pour comparer une liste choisie : tout le réseau est comparé."
                : "Choisissez le type, la région ou la strate du groupe (ou un membre dont ils seront repris) : tout le réseau est comparé.");
            p.SettleGroup("tout", p.Kind, p.Region, p.Band);
            return PeerGroup.All;
        }

        p.SettleGroup(
            p.Group,
            p.Group is "type" or "type-region" or "type-strate" ? kindCode : p.Kind,
            p.Group is "region" or "type-region" ? region : p.Region,
            p.Group == "type-strate" ? band : p.Band);
        return group;
    }

    private async Task<IReadOnlyList<NamedMember>> FindMembersAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        var asked = Parameters.Members;
        if (asked.Count == 0)
        {
            return [];
        }

        var active = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        var slugs = asked.Select(a => a.ToLowerInvariant()).ToList();
        var bySlug = await active.Where(t => slugs.Contains(t.Slug)).Select(Projection).ToListAsync(cancellationToken);
        var found = new List<NamedMember>();
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

    private async Task<NamedMember?> FindByNameAsync(IQueryable<Tenant> active, string name, CancellationToken cancellationToken)
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

    private static readonly System.Linq.Expressions.Expression<Func<Tenant, NamedMember>> Projection =
        t => new NamedMember(t.Id, t.Slug, t.Name, t.Kind, t.RegionCode, t.RegionName, t.Population);

    /// <summary>
    /// Members with a value of the indicator the viewer may see — for the chosen year when there is
    /// one (one range of the (indicator, year) index) —: the datalist of the member field.
    /// </summary>
    private static async Task<IReadOnlyList<(string, string)>> SuggestionsAsync(
        RtesDbContext db, string code, int? year, CancellationToken cancellationToken)
    {
        var withValues = db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.IndicatorCode == code && v.Visibility != ValueVisibility.Private && (year == null || v.Year == year))
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
