using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Tenancy;

/// <summary>
/// Resolves the tenant once per request from <c>/collectivites/{slug}</c> (public pages: published
/// data, no database session scope) or <c>/espace/{slug}</c> (back office: tenant access, RLS
/// scope). An unknown or suspended slug ends the request with 404 (rendered by the French error page).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(directory);
        var (area, slug) = Match(context.Request.Path);
        if (area is null || slug is null)
        {
            await next(context);
            return;
        }

        // Resolved here, not as parameters: other requests (static files, health probes, the
        // home page) do not pay for a DbContext they never use.
        var services = context.RequestServices;
        var tenantContext = services.GetRequiredService<TenantContext>();
        var tenant = Slug.IsValid(slug)
            ? await directory.FindBySlugAsync(services.GetRequiredService<RtesDbContext>(), slug, context.RequestAborted)
            : null;
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (area == "espace")
        {
            tenantContext.UseForTenantAccess(tenant);
        }
        else
        {
            tenantContext.UseForPublicRead(tenant);
        }

        await next(context);
    }

    internal static (string? Area, string? Slug) Match(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return (null, null);
        }

        var area = segments[0].ToLowerInvariant();
        return area is "collectivites" or "espace" ? (area, segments[1]) : (null, null);
    }
}
