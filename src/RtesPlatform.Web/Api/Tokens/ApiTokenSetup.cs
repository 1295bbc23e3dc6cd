using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.ApiTokens;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// Authentication of API callers: Identity bearer tokens and personal API tokens (see
/// docs/adr/0005-api-authentication.md). Under <c>/api</c> the session cookie forwards to them, so a
/// browser session alone authenticates nothing there (no CSRF exposure) and a challenge is a 401.
/// </summary>
public static class ApiTokenSetup
{
    public static WebApplicationBuilder AddRtesApiTokens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiAuthenticationOptions>().BindConfiguration(ApiAuthenticationOptions.SectionName).ValidateOnStart();
        services.AddScoped<ApiTokens>();

        services.AddAuthentication()
            .AddBearerToken(ApiAuthentication.IdentityBearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiAuthentication.ApiTokenScheme, displayName: null, _ => { })
            .AddPolicyScheme(ApiAuthentication.SelectorScheme, displayName: null, options => options.ForwardDefaultSelector = context =>
                ApiTokenSecrets.LooksLikeToken(ApiAuthentication.BearerCredential(context.Request))
                    ? ApiAuthentication.ApiTokenScheme
                    : ApiAuthentication.IdentityBearerScheme);
        services.AddOptions<BearerTokenOptions>(ApiAuthentication.IdentityBearerScheme).Configure<IOptions<ApiAuthenticationOptions>>((options, api) =>
        {
            options.BearerTokenExpiration = api.Value.AccessTokenLifetime;
            options.RefreshTokenExpiration = api.Value.RefreshTokenLifetime;
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var previous = options.ForwardDefaultSelector;
            options.ForwardDefaultSelector = context =>
                ApiAuthentication.IsApiRequest(context.Request) ? ApiAuthentication.SelectorScheme : previous?.Invoke(context);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuthentication.TokenTenantPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuthentication.ApiTokenScheme, ApiAuthentication.IdentityBearerScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(ApiTokenTenantRequirement.Instance));
        services.AddScoped<IAuthorizationHandler, ApiTokenTenantHandler>();
        // Registered after the site's (AddRtesAccounts runs first): wraps it for /api requests.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return builder;
    }
}
