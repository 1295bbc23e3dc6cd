using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// The web host for back-office tests, with users signed in by <see cref="TestAuthHandler"/>.
/// <para>
/// By default the <see cref="Policies.TenantEditor"/> policy is replaced by "a signed-in user", so
/// that editing tests need no accounts, and is also enforced by a global MVC authorization filter
/// (which reads the pages' <c>[Authorize]</c> metadata) for hosts without the authorization
/// middleware. With <c>realPolicies</c> (or <c>RTES_TEST_REAL_POLICIES=1</c> for every test) the
/// application's own policies decide: users must then exist and be members of the tenant.
/// </para>
/// </summary>
internal static class AuthoringHost
{
    public static bool UseRealPolicies =>
        Environment.GetEnvironmentVariable("RTES_TEST_REAL_POLICIES") is "1" or "true";

    public static WebApplicationFactory<Program> WithTestUsers(this RtesWebFactory factory, bool realPolicies = false) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            if (realPolicies || UseRealPolicies)
            {
                // The accounts' own schemes are set explicitly: the test scheme replaces them.
                services.Configure<AuthenticationOptions>(options =>
                {
                    options.DefaultScheme = TestAuthHandler.SchemeName;
                    options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                    options.DefaultChallengeScheme = TestAuthHandler.SchemeName;
                    options.DefaultForbidScheme = TestAuthHandler.SchemeName;
                });
                return;
            }

            services.AddAuthorization(options => options.AddPolicy(Policies.TenantEditor, policy => policy
                .AddAuthenticationSchemes(TestAuthHandler.SchemeName)
                .RequireAuthenticatedUser()));
            // No authorization middleware in the pipeline yet: the filter enforces each page's
            // [Authorize] policy (it combines the endpoint's metadata) instead.
            services.Configure<RouteOptions>(options => options.SuppressCheckForUnhandledSecurityMetadata = true);
            services.Configure<MvcOptions>(options => options.Filters.Add(
                new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build())));
        }));

    /// <summary>A browser-like client (cookies, redirects) signed in as the given user.</summary>
    public static HttpClient ClientFor(this WebApplicationFactory<Program> factory, string userId, string userName)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, $"{userId}|{userName}");
        return client;
    }
}
