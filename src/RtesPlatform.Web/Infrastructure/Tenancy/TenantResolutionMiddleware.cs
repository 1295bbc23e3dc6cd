using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Tenancy;

/// <summary>
/// Resolves the tenant once per request from <c>/collectivites/{slug}</c> or
/// <c>/api/v1/tenants/{slug}</c> (public pages and API reads: published data, no database session
/// scope) or <c>/espace/{slug}</c> or <c>/api/v1/workspace/{slug}</c> (back office and officers'
/// API: tenant access, RLS scope). An unknown or suspended slug ends the request with 404.
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
        // home page) do not pay for services they never use; the directory creates the request's
        // DbContext only on a cache miss.
        var services = context.RequestServices;
        var tenantContext = services.GetRequiredService<TenantContext>();
        var tenant = Slug.IsValid(slug)
            ? await directory.FindBySlugAsync(services, slug, context.RequestAborted)
            : null;
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (area is "espace" or "workspace")
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
        if (area == "api")
        {
            // /api/v1/tenants/{slug}/... and /api/v1/workspace/{slug}/...
            if (segments.Length < 4 || !segments[1].Equals("v1", StringComparison.OrdinalIgnoreCase))
            {
                return (null, null);
            }

            var apiArea = segments[2].ToLowerInvariant();
            return apiArea is "tenants" or "workspace" ? (apiArea, segments[3]) : (null, null);
        }

        return area is "collectivites" or "espace" ? (area, segments[1]) : (null, null);
    }
}
