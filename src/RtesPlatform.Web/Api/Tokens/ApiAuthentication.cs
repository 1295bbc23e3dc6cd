namespace RtesPlatform.Web.Api.Tokens;

/// <summary>Names of the API's authentication schemes, claims and policy.</summary>
public static class ApiAuthentication
{
    /// <summary>Personal API tokens (<c>Authorization: Bearer rtes_…</c>), scoped to one tenant.</summary>
    public const string ApiTokenScheme = "ApiToken";

    /// <summary>ASP.NET Core Identity bearer tokens, from <c>POST /api/v1/auth/token</c> (IdentityConstants.BearerScheme, a constant here for attributes).</summary>
    public const string IdentityBearerScheme = "Identity.Bearer";

    /// <summary>Picks one of the two bearer schemes from the credential; what the session cookie forwards to under <c>/api</c>.</summary>
    public const string SelectorScheme = "Api";

    /// <summary>The only schemes the officers' API accepts: never the session cookie (no CSRF exposure).</summary>
    public const string Schemes = ApiTokenScheme + "," + IdentityBearerScheme;

    /// <summary>The tenant a personal token is bound to.</summary>
    public const string TenantClaim = "rtes:api_tenant";

    /// <summary>The id of the personal token the request authenticated with.</summary>
    public const string TokenClaim = "rtes:api_token";

    /// <summary>The name of that token, so that what it does is recorded as done through it.</summary>
    public const string TokenNameClaim = "rtes:api_token_name";

    /// <summary>A personal token acts only on its own tenant.</summary>
    public const string TokenTenantPolicy = "ApiTokenTenant";

    /// <summary>Whether a request is for the REST API (under <see cref="ApiSetup.Prefix"/>).</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bearer credential of the Authorization header, if any.</summary>
    public static string? BearerCredential(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
