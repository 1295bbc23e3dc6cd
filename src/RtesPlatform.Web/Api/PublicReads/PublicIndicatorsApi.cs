using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Public reads of the indicator catalogue and of the public values of each indicator.</summary>
public static class PublicIndicatorsApi
{
    internal static readonly string[] KindCodes = [.. Enum.GetValues<TenantKind>().Where(k => k != TenantKind.Other).Select(TenantKindLabels.Code)];

    public static RouteGroupBuilder MapPublicIndicatorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var indicators = api.MapGroup("/indicators").WithTags("Indicators").AllowAnonymous();

        indicators.MapGet("", ListAsync)
            .WithName("ListIndicators")
            .WithSummary("Catalogue des indicateurs / The indicator catalogue")
            .Produces<IReadOnlyList<ApiIndicator>>(StatusCodes.Status200OK);

        indicators.MapGet("/{code}", GetAsync)
            .WithName("GetIndicator")
            .WithSummary("Un indicateur du catalogue / One indicator of the catalogue")
            .Produces<ApiIndicator>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);

        indicators.MapGet("/{code}/values", ValuesAsync)
            .WithName("ListIndicatorValues")
            .WithSummary("Valeurs publiques d’un indicateur / Public values of an indicator")
            .WithDescription("Public values of active members only, with year, source and unit; filters: year, kind, region.")
            .Produces<PagedResponse<ApiIndicatorValue>>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(ComparisonQueries queries, CancellationToken cancellationToken)
    {
        var catalogue = await queries.CatalogueAsync(cancellationToken);
        return new ConditionalJson<IReadOnlyList<ApiIndicator>>(
            [.. catalogue.Select(ApiIndicator.From)],
            catalogue.Count == 0 ? null : catalogue.Max(i => i.UpdatedAt));
    }

    private static async Task<IResult> GetAsync(string code, HttpContext context, RtesDbContext db, CancellationToken cancellationToken)
    {
        var indicator = await FindAsync(db, code, cancellationToken);
        return indicator is null
            ? UnknownIndicator(context, code)
            : new ConditionalJson<ApiIndicator>(ApiIndicator.From(indicator), indicator.UpdatedAt);
    }

    private static async Task<IResult> ValuesAsync(
        string code, HttpContext context, RtesDbContext db, PublicIndicatorValues values, CancellationToken cancellationToken,
        string? year = null, string? kind = null, string? region = null, string? page = null, string? pageSize = null)
    {
        var validation = new ApiValidation();
        var paging = ApiPaging.Read(validation, page, pageSize);
        var valueYear = validation.Year("year", year);
        var kindCode = validation.OneOf("kind", kind, KindCodes);
        var regionCode = validation.Text("region", region, 10);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(context, validation);
        }

        var indicator = await FindAsync(db, code, cancellationToken);
        if (indicator is null)
        {
            return UnknownIndicator(context, code);
        }

        var result = await values.ListAsync(
            indicator.Code, valueYear, TenantKindLabels.FromCode(kindCode), regionCode, paging.Page, paging.PageSize, cancellationToken);
        var items = result.Items
            .Select(r => new ApiIndicatorValue(
                new ApiMember(r.Slug, r.Name, TenantKindLabels.Code(r.Kind), r.RegionCode, r.Population, r.IsFictitious),
                indicator.Code, r.Year, r.Value, indicator.Unit, new ApiSource(r.SourceTitle, r.SourceUrl), r.Origin, r.UpdatedAt))
            .ToList();
        var lastModified = result.LastModified is { } changed && changed > indicator.UpdatedAt ? changed : indicator.UpdatedAt;
        return new ConditionalJson<PagedResponse<ApiIndicatorValue>>(paging.Respond(context, items, result.Total), lastModified);
    }

    internal static Task<Indicator?> FindAsync(RtesDbContext db, string code, CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);

    internal static IResult UnknownIndicator(HttpContext context, string code) =>
        ApiProblems.NotFound(context,
            $"L’indicateur « {code} » n’existe pas dans le catalogue du réseau (voir /api/v1/indicators).",
            $"The indicator '{code}' is not in the network's catalogue (see /api/v1/indicators).");
}
