using System.Security.Claims;
using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>What the officers' endpoints share: the acting user, and the private, never cached answers.</summary>
internal static class OfficerContext
{
    public static AuthoringUser User(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.User.Identity?.Name);
    }

    /// <summary>Tenant-private data: no shared or browser cache may keep it.</summary>
    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
    }
}
