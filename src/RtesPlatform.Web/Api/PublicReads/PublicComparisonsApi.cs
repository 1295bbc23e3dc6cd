using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
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

    private static readonly string[] _groups = ["all", "kind", "region", "kind-region", "kind-band", "list"];

    public static RouteGroupBuilder MapPublicComparisonsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/comparisons/{code}", CompareAsync)
            .WithTags("Comparisons")
            .AllowAnonymous()
            .WithName("CompareMembers")
            .WithSummary("Comparaison des membres sur un indicateur / Compare members on an indicator")
            .WithDescription(
                "Ranked public values of one year and their distribution (median, quartiles) in a peer group: "
                + "group=all|kind|region|kind-region|kind-band|list, with kind, region, band and members (comma-separated slugs) as the group needs; "
                + "perCapita=true divides by population when the indicator allows it; year defaults to the latest year with public values.")
            .Produces<ApiComparison>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CompareAsync(
        string code, HttpContext context, RtesDbContext db, PublicIndicatorValues values, CancellationToken cancellationToken,
        string? year = null, string? group = null, string? kind = null, string? region = null, string? band = null,
        string? members = null, string? perCapita = null, string? page = null, string? pageSize = null)
    {
        var validation = new ApiValidation();
        var paging = ApiPaging.Read(validation, page, pageSize);
        var askedYear = validation.Year("year", year);
        var groupCode = validation.OneOf("group", group, _groups) ?? "all";
        var kindCode = validation.OneOf("kind", kind, PublicIndicatorsApi.KindCodes);
        var regionCode = validation.Text("region", region, 10);
        var bandCode = validation.OneOf("band", band, [.. PopulationBands.All.Select(b => b.Code)]);
        var divide = validation.Flag("perCapita", perCapita);
        var slugs = ReadMembers(validation, members);
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

        var peerGroup = await BuildGroupAsync(validation, db, groupCode, TenantKindLabels.FromCode(kindCode), regionCode, bandCode, slugs, cancellationToken);
        if (!validation.IsValid || peerGroup is null)
        {
            return ApiProblems.Validation(context, validation);
        }

        // Always the public audience: a signed-in caller's session must not widen what the API shows.
        var queries = new ComparisonQueries(db, new CurrentUser());
        var years = await queries.YearsAsync(indicator.Code, cancellationToken);
        if ((askedYear ?? (years.Count > 0 ? years[0].Year : null)) is not { } compareYear)
        {
            return ApiProblems.NotFound(context,
                $"L’indicateur « {indicator.Code} » n’a encore aucune valeur publique à comparer.",
                $"The indicator '{indicator.Code}' has no public value to compare yet.");
        }

        var result = await queries.CompareAsync(
            new ComparisonQuery(indicator.Code, compareYear, divide, peerGroup, null, paging.Page, paging.PageSize), cancellationToken);
        if (result is null)
        {
            return PublicIndicatorsApi.UnknownIndicator(context, code);
        }

        var shown = new ApiPaging(result.Page, result.PageSize);
        shown.Respond(context, result.Rows, result.TotalRows);
        var body = new ApiComparison(
            ApiIndicator.From(indicator),
            compareYear,
            result.PerCapita,
            new ApiPeerGroup(groupCode, kindCode, regionCode, peerGroup.Band, slugs),
            ApiDistribution.From(result.Distribution),
            [.. result.Rows.Select(r => new ApiRankedValue(r.Rank, ApiMember.From(r.Member), r.Year, r.Value, r.Metric, new ApiSource(r.SourceTitle, r.SourceUrl)))],
            [.. result.Missing.Select(m => new ApiMissingMember(ApiMember.From(m.Member), m.NearestYear, m.NearestValue, m.NearestMetric))],
            result.Page,
            result.PageSize,
            result.TotalRows,
            result.PageCount,
            [.. years.Select(y => new ApiYear(y.Year, y.Count))]);

        var lastModified = Latest(
            indicator.UpdatedAt,
            await values.LastChangedAsync(indicator.Code, compareYear, cancellationToken),
            await values.AggregatesRefreshedAsync(indicator.Code, compareYear, cancellationToken));
        return new ConditionalJson<ApiComparison>(body, lastModified);
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

    private static async Task<PeerGroup?> BuildGroupAsync(
        ApiValidation validation, RtesDbContext db, string group, TenantKind? kind, string? region, string? band,
        List<string> slugs, CancellationToken cancellationToken)
    {
        void Require(string name, bool present)
        {
            if (!present)
            {
                validation.Add(name,
                    $"Le groupe « {group} » demande le paramètre « {name} ».",
                    $"The group '{group}' needs the parameter '{name}'.");
            }
        }

        switch (group)
        {
            case "kind":
                Require("kind", kind is not null);
                return kind is { } k ? PeerGroup.OfKind(k) : null;
            case "region":
                Require("region", region is not null);
                return region is not null ? PeerGroup.OfRegion(region) : null;
            case "kind-region":
                Require("kind", kind is not null);
                Require("region", region is not null);
                return kind is { } kr && region is not null ? PeerGroup.OfKindInRegion(kr, region) : null;
            case "kind-band":
                Require("kind", kind is not null);
                Require("band", band is not null);
                return kind is { } kb && band is not null ? PeerGroup.OfKindInBand(kb, band) : null;
            case "list":
                Require("members", slugs.Count > 0);
                if (slugs.Count == 0)
                {
                    return null;
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
                    return null;
                }

                return PeerGroup.OfMembers(slugs.Select(s => found.First(f => f.Slug == s).Id));
            default:
                return PeerGroup.All;
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.OfType<DateTimeOffset>().Aggregate(first, (a, b) => b > a ? b : a);
}
