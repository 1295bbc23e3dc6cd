using Microsoft.AspNetCore.Authorization;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>A personal API token acts only on the tenant it was created for (Identity bearer tokens carry no such binding).</summary>
public sealed class ApiTokenTenantRequirement : IAuthorizationRequirement
{
    public static ApiTokenTenantRequirement Instance { get; } = new();
}
