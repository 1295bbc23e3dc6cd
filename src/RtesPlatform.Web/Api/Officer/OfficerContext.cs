using System.Security.Claims;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Web.Api.Tokens;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>What the officers' endpoints share: the acting user, and the private, never cached answers.</summary>
internal static class OfficerContext
{
    /// <summary>
    /// The user the audit log and <c>updated_by</c> record; through a personal token, with the
    /// token's name ("camille@ville.fr (jeton d’API « SIG »)"), so the journal tells programs apart.
    /// </summary>
    public static AuthoringUser User(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.User.Identity?.Name;
        if (context.User.FindFirstValue(ApiAuthentication.TokenNameClaim) is { } token)
        {
            name = $"{name} (jeton d’API « {token} »)";
        }

        return new(context.User.FindFirstValue(ClaimTypes.NameIdentifier), name);
    }

    /// <summary>Tenant-private data: no shared or browser cache may keep it.</summary>
    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
    }
}
