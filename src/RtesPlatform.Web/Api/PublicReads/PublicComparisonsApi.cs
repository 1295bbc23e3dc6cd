using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>
/// Comparisons of members on one indicator and year, as the <c>/comparaisons</c> page computes
/// them (<see cref="ComparisonQueries"/>, <see cref="PeerGroup"/>), always for the public
/// audience: public values only, whoever asks (a signed-in caller gets the same answer).
/// </summary>
public static class PublicComparisonsApi
{
    public const int MaxListMembers = 50;

    private static readonly string[] _groups = ["all", "kind", "region", "kind-region", "kind-band", "similar", "list"];

    public static RouteGroupBuilder MapPublicComparisonsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/comparisons/{code}", CompareAsync)
            .WithTags("Comparisons")
            .AllowAnonymous()
            .WithName("CompareMembers")
            .WithSummary("Comparaison des membres sur un indicateur / Compare members on an indicator")
            .WithDescription(
                "Each member's latest public value within a window of years (fin = end year, default the latest year with values; "
                + "fenetre = number of years, default 5, 1 = that year only; year=Y alone means fin=Y&fenetre=1), ranked, "
                + "with the distribution (median, quartiles) of the values shown, and the members without a value listed unranked. "
                + "Peer group: group=all|kind|region|kind-region|kind-band|similar|list, with kind, region, band, members (comma-separated slugs) "
                + "or focus (a member's slug: its kind, région and band, and its place) as the group needs; "
                + "similar (the default with focus) is the same kind and band in the focus's région, widened step by step "
                + "(same kind and band nationally, same kind, whole network) until 5 members have a value; the answer says which group and why. "
                + "perCapita=true divides by population when the indicator allows it.")
            .Produces<ApiComparison>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CompareAsync(
        string code, HttpContext context, RtesDbContext db, PublicIndicatorValues values, CancellationToken cancellationToken,
        string? year = null, string? fin = null, string? fenetre = null, string? group = null, string? kind = null,
        string? region = null, string? band = null, string? members = null, string? focus = null, string? perCapita = null,
        string? page = null, string? pageSize = null)
    {
        var validation = new ApiValidation();
        var paging = ApiPaging.Read(validation, page, pageSize);
        var askedYear = validation.Year("year", year);
        var askedEnd = validation.Year("fin", fin) ?? askedYear;
        // "year" alone keeps its meaning (that year only); "fin" opens a window, 5 years unless "fenetre" says otherwise.
        var windowYears = validation.WholeNumber("fenetre", fenetre, 1, ComparisonValue.MaxWindow)
            ?? (askedYear is not null && fin is null ? 1 : ComparisonWindow.DefaultYears);
        var groupCode = validation.OneOf("group", group, _groups) ?? (string.IsNullOrWhiteSpace(focus) ? "all" : "similar");
        var kindCode = validation.OneOf("kind", kind, PublicIndicatorsApi.KindCodes);
        var regionCode = validation.Text("region", region, 10);
        var bandCode = validation.OneOf("band", band, [.. PopulationBands.All.Select(b => b.Code)]);
        var divide = validation.Flag("perCapita", perCapita);
        var slugs = ReadMembers(validation, members);
        var focusSlug = validation.Text("focus", focus, 200)?.ToLowerInvariant();
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(context, validation);
        }

        var indicator = await PublicIndicatorsApi.FindAsync(db, code, cancellationToken);
        if (indicator is null)
        {
            return PublicIndicatorsApi.UnknownIndicator(context, code);
        }

        if (divide && indicator.PerCapitaBase is null)
        {
            validation.Add("perCapita",
                "Cet indicateur ne se rapporte pas à la population (c’est une part ou un taux) : il ne se divise pas par habitant.",
                "This indicator is not related to population (it is a share or a rate): it cannot be divided per inhabitant.");
        }

        var focusMember = await FindFocusAsync(validation, db, focusSlug, cancellationToken);
        var listIds = groupCode == "list" ? await FindMembersAsync(validation, db, slugs, cancellationToken) : [];
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(context, validation);
        }

        var (peerGroup, missing) = new PeerGroupRequest(
            Choices[groupCode], TenantKindLabels.FromCode(kindCode), regionCode, bandCode, listIds, focusMember).Resolve();
        foreach (var part in missing)
        {
            var name = part switch
            {
                PeerGroupPart.Kind => "kind",
                PeerGroupPart.Region => "region",
                PeerGroupPart.Band => "band",
                _ => "members",
            };
            validation.Add(name,
                $"Le groupe « {groupCode} » demande le paramètre « {name} » (ou « focus », le membre dont il est repris).",
                $"The group '{groupCode}' needs the parameter '{name}' (or 'focus', the member it is taken from).");
        }

        if (!validation.IsValid || peerGroup is null)
        {
            return ApiProblems.Validation(context, validation);
        }

        // Always the public audience: a signed-in caller's session must not widen what the API shows.
        var queries = ComparisonQueries.ForPublic(db);
        var years = await queries.YearsAsync(indicator.Code, cancellationToken);
        if (years.Count == 0)
        {
            return ApiProblems.NotFound(context,
                $"L’indicateur « {indicator.Code} » n’a encore aucune valeur publique à comparer.",
                $"The indicator '{indicator.Code}' has no public value to compare yet.");
        }

        // An end year without values: the nearest one that has some (the later on a tie), said in the answer.
        var endYear = askedEnd is { } asked
            ? years.Select(y => y.Year).OrderBy(y => Math.Abs(y - asked)).ThenByDescending(y => y).First()
            : years[0].Year;
        var window = new ComparisonWindow(endYear, windowYears);
        var result = await queries.CompareAsync(
            new ComparisonQuery(indicator.Code, window, divide, peerGroup, focusMember?.Id, paging.Page, paging.PageSize), cancellationToken);
        if (result is null)
        {
            return PublicIndicatorsApi.UnknownIndicator(context, code);
        }

        var shown = new ApiPaging(result.Page, result.PageSize);
        shown.Respond(context, result.Rows, result.TotalRows);
        var regionNames = await db.Tenants.AsNoTracking()
            .Where(t => t.RegionCode != null && t.RegionName != null)
            .Select(t => new { t.RegionCode, t.RegionName }).Distinct().ToDictionaryAsync(r => r.RegionCode!, r => r.RegionName!, cancellationToken);
        string? RegionName(string? c) => c is not null && regionNames.TryGetValue(c, out var n) ? n : c;
        var body = new ApiComparison(
            ApiIndicator.From(indicator),
            endYear,
            new ApiWindow(window.FirstYear, window.EndYear, window.Years, askedEnd is { } a && a != endYear ? a : null),
            result.YearsShown is { } span ? new ApiYearSpan(span.From, span.To) : null,
            result.PerCapita,
            new ApiPeerGroup(
                ApiGroupCode(result.Group), result.Group.Kind is { } gk ? TenantKindLabels.Code(gk) : null, result.Group.RegionCode,
                result.Group.Band, result.Group.IsList ? slugs : [],
                groupCode, focusMember?.Slug, result.Group.Describe(RegionName),
                PeerGroupExplanation.Of(result.Group, result.Widening, RegionName),
                [.. result.Widening.Select(w => new ApiGroupStep(ApiGroupCode(w.Group), w.Group.Describe(RegionName), w.MembersWithValue))]),
            ApiDistribution.From(result.Distribution),
            [.. result.Rows.Select(ApiRankedValue.From)],
            [.. result.Missing.Select(m => new ApiMissingMember(ApiMember.From(m.Member), m.NearestYear, m.NearestValue, m.NearestMetric))],
            result.MissingCount,
            result.Focus is { } f ? ApiRankedValue.From(f) : null,
            result.Page,
            result.PageSize,
            result.TotalRows,
            result.PageCount,
            [.. years.Select(y => new ApiYear(y.Year, y.Count))]);

        var lastModified = Latest(
            indicator.UpdatedAt,
            await values.LastChangedAsync(indicator.Code, endYear, cancellationToken),
            await values.AggregatesRefreshedAsync(indicator.Code, endYear, cancellationToken));
        return new ConditionalJson<ApiComparison>(body, lastModified);
    }

    private static readonly Dictionary<string, PeerGroupChoice> Choices = new(StringComparer.Ordinal)
    {
        ["all"] = PeerGroupChoice.All,
        ["kind"] = PeerGroupChoice.Kind,
        ["region"] = PeerGroupChoice.Region,
        ["kind-region"] = PeerGroupChoice.KindRegion,
        ["kind-band"] = PeerGroupChoice.KindBand,
        ["similar"] = PeerGroupChoice.Similar,
        ["list"] = PeerGroupChoice.List,
    };

    /// <summary>The API's code of a group actually compared ("kind-band-region" for the first step of "similar").</summary>
    private static string ApiGroupCode(PeerGroup group) => group.GroupKind switch
    {
        PeerGroupKinds.Kind => "kind",
        PeerGroupKinds.Region => "region",
        PeerGroupKinds.KindRegion => "kind-region",
        PeerGroupKinds.KindBand => "kind-band",
        PeerGroupKinds.KindBandRegion => "kind-band-region",
        PeerGroup.ListKind => "list",
        _ => "all",
    };

    private static async Task<PeerMember?> FindFocusAsync(
        ApiValidation validation, RtesDbContext db, string? slug, CancellationToken cancellationToken)
    {
        if (slug is null)
        {
            return null;
        }

        var member = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && t.Slug == slug)
            .Select(t => new PeerMember(t.Id, t.Slug, t.Name, t.Kind, t.RegionCode, t.RegionName, t.Population))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            validation.Add("focus",
                $"Aucune collectivité membre publique ne porte l’identifiant « {slug} ».",
                $"No public member collectivity has the identifier '{slug}'.");
        }

        return member;
    }

    private static async Task<IReadOnlyList<Guid>> FindMembersAsync(
        ApiValidation validation, RtesDbContext db, List<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return [];
        }

        var found = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && slugs.Contains(t.Slug))
            .Select(t => new { t.Id, t.Slug })
            .ToListAsync(cancellationToken);
        var unknown = slugs.Where(s => found.All(f => f.Slug != s)).ToList();
        if (unknown.Count > 0)
        {
            var list = string.Join(", ", unknown);
            validation.Add("members",
                $"Aucune collectivité membre publique ne porte ces identifiants : {list}.",
                $"No public member collectivity has these identifiers: {list}.");
            return [];
        }

        return [.. slugs.Select(s => found.First(f => f.Slug == s).Id)];
    }

    private static List<string> ReadMembers(ApiValidation validation, string? members)
    {
        if (string.IsNullOrWhiteSpace(members))
        {
            return [];
        }

        var slugs = members.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (slugs.Count > MaxListMembers || slugs.Any(s => s.Length > 200))
        {
            validation.Add("members",
                $"Une liste choisie compte au plus {MaxListMembers} identifiants de collectivités, séparés par des virgules.",
                $"A chosen list holds at most {MaxListMembers} collectivity identifiers, separated by commas.");
            return [];
        }

        return slugs;
    }

    private static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.OfType<DateTimeOffset>().Aggregate(first, (a, b) => b > a ? b : a);
}
