using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>The session cookie outside development and tests: host-only and always Secure.</summary>
public sealed class SessionCookieTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Production_SessionCookie_IsHostPrefixedHttpOnlyAndAlwaysSecure()
    {
        await using var baseFactory = new RtesWebFactory(database);
        await using var production = baseFactory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var cookie = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie;

        cookie.Name.ShouldBe("__Host-rtes-session");
        cookie.SecurePolicy.ShouldBe(CookieSecurePolicy.Always);
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteMode.Lax);
        cookie.Path.ShouldBe("/");
        cookie.Domain.ShouldBeNull();
    }
}
