using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>
/// Public reads of the members and their published fiches. The tenant of
/// <c>/tenants/{slug}/...</c> was resolved by <c>TenantResolutionMiddleware</c> for a public
/// read (unknown or suspended slug: 404 before the handler runs).
/// </summary>
public static class PublicTenantsApi
{
    private static readonly string[] _kindCodes = [.. Enum.GetValues<TenantKind>().Where(k => k != TenantKind.Other).Select(TenantKindLabels.Code)];

    public static RouteGroupBuilder MapPublicTenantsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tenants = api.MapGroup("/tenants").WithTags("Tenants").AllowAnonymous();

        tenants.MapGet("", ListAsync)
            .WithName("ListTenants")
            .WithSummary("Liste des collectivités membres / List the member collectivities")
            .WithDescription("Active members, by name; filters: kind, region (INSEE code), q (part of the name, case and accents ignored).")
            .Produces<PagedResponse<ApiTenant>>(StatusCodes.Status200OK)
            .ProducesValidationProblem();

        tenants.MapGet("/{slug}", GetAsync)
            .WithName("GetTenant")
            .WithSummary("Une collectivité membre / One member collectivity")
            .Produces<ApiTenant>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tenants.MapGet("/{slug}/fiche", GetFicheAsync)
            .WithName("GetPublishedFiche")
            .WithSummary("La fiche publiée en cours / The currently published fiche")
            .WithDescription("Sections as structured JSON; contacts only when they consented to publication. Drafts are never exposed.")
            .Produces<ApiFiche>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tenants.MapGet("/{slug}/fiche/versions/{number}", GetFicheVersionAsync)
            .WithName("GetFicheVersion")
            .WithSummary("Une version publiée de la fiche / One published version of the fiche")
            .WithDescription("Only the version the member currently publishes is public; earlier versions answer 404.")
            .Produces<ApiFiche>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, PublicTenantQueries queries, CancellationToken cancellationToken,
        string? kind = null, string? region = null, string? q = null, string? page = null, string? pageSize = null)
    {
        var validation = new ApiValidation();
        var paging = ApiPaging.Read(validation, page, pageSize);
        var kindCode = validation.OneOf("kind", kind, _kindCodes);
        var regionCode = validation.Text("region", region, 10);
        var name = validation.Text("q", q, 100);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(context, validation);
        }

        var result = await queries.ListAsync(
            new DirectoryFilter(TenantKindLabels.FromCode(kindCode), regionCode, NameContains: name), paging.Page, paging.PageSize, cancellationToken);
        var body = paging.Respond(context, [.. result.Items.Select(ApiTenant.From)], result.Total);
        return new ConditionalJson<PagedResponse<ApiTenant>>(body, result.LastModified);
    }

    private static async Task<IResult> GetAsync(
        string slug, HttpContext context, TenantContext tenantContext, PublicTenantQueries queries, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.TenantId is { } id ? await queries.FindAsync(id, cancellationToken) : null;
        return tenant is null
            ? UnknownTenant(context, slug)
            : new ConditionalJson<ApiTenant>(ApiTenant.From(tenant), PublicTenantQueries.LastModified(tenant));
    }

    private static async Task<IResult> GetFicheAsync(
        string slug, HttpContext context, TenantContext tenantContext, PublicTenantQueries queries, PublishedFiches fiches,
        CancellationToken cancellationToken)
    {
        var tenant = tenantContext.TenantId is { } id ? await queries.FindAsync(id, cancellationToken) : null;
        if (tenant is null)
        {
            return UnknownTenant(context, slug);
        }

        var version = await fiches.CurrentAsync(tenant.Id, cancellationToken);
        return version is null
            ? ApiProblems.NotFound(context,
                $"La collectivité « {slug} » n’a pas encore publié de fiche.",
                $"The collectivity '{slug}' has not published a fiche yet.")
            : new ConditionalJson<ApiFiche>(ApiFiche.From(tenant, version), version.PublishedAt);
    }

    private static async Task<IResult> GetFicheVersionAsync(
        string slug, string number, HttpContext context, TenantContext tenantContext, PublicTenantQueries queries,
        PublishedFiches fiches, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var versionNumber = validation.WholeNumber("number", number, 1, int.MaxValue);
        if (!validation.IsValid || versionNumber is null)
        {
            return ApiProblems.Validation(context, validation);
        }

        var tenant = tenantContext.TenantId is { } id ? await queries.FindAsync(id, cancellationToken) : null;
        if (tenant is null)
        {
            return UnknownTenant(context, slug);
        }

        var version = await fiches.VersionAsync(tenant.Id, versionNumber.Value, cancellationToken);
        return version is null
            ? ApiProblems.NotFound(context,
                $"La version {versionNumber} de la fiche n’est pas publique : seule la version publiée en cours l’est ({(tenant.PublishedVersion is { } n ? "version " + n : "aucune")}).",
                $"Version {versionNumber} of the fiche is not public: only the currently published version is ({(tenant.PublishedVersion is { } m ? "version " + m : "none")}).")
            : new ConditionalJson<ApiFiche>(ApiFiche.From(tenant, version), version.PublishedAt);
    }

    private static IResult UnknownTenant(HttpContext context, string slug) =>
        ApiProblems.NotFound(context,
            $"Aucune collectivité membre publique ne porte l’identifiant « {slug} ».",
            $"No public member collectivity has the identifier '{slug}'.");
}
