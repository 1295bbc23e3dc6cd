using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtesPlatform.IntegrationTests.Fuzzing;
using RtesPlatform.Web.Infrastructure.Security;

namespace RtesPlatform.IntegrationTests.Security;

/// <summary>
/// The security headers on every kind of answer (page, redirect, 400, 404, 500 after an unhandled
/// exception, static file, open-data file, health check, /api), and HSTS outside development over
/// HTTPS only.
/// </summary>
public sealed class SecurityHeadersTests(FuzzSite site) : IClassFixture<FuzzSite>
{
    public const string ThrowQuery = "_lever=1";

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        // The home page throws when asked to: a real unhandled exception, rendered by the error page.
        await using var factory = site.Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Configure<RazorPagesOptions>(options =>
                options.Conventions.AddPageApplicationModelConvention("/Index", model => model.Filters.Add(new ThrowingFilter())))));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = FuzzSite.BaseAddress });
        var slug = site.TenantA.Slug;
        var requests = new (string Name, HttpMethod Method, string Url, int Status)[]
        {
            ("page", HttpMethod.Get, "/", 200),
            ("public fiche", HttpMethod.Get, $"/collectivites/{slug}", 200),
            ("redirect to sign-in", HttpMethod.Get, $"/espace/{slug}", 302),
            ("404 error page", HttpMethod.Get, "/nulle-part", 404),
            ("400 error page (POST without token)", HttpMethod.Post, "/compte/connexion", 400),
            ("500 error page (unhandled exception)", HttpMethod.Get, "/?" + ThrowQuery, 500),
            ("static file", HttpMethod.Get, "/css/site.css", 200),
            ("open-data file", HttpMethod.Get, "/donnees-ouvertes/collectivites.csv", 200),
            ("health check", HttpMethod.Get, "/health/live", 200),
            ("/api", HttpMethod.Get, "/api/v1/inexistant", 404),
        };
        foreach (var (name, method, url, status) in requests)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("Input.Email", "a@b.example")]);
            }

            using var response = await client.SendAsync(request);
            ((int)response.StatusCode).ShouldBe(status, name);
            if (status is 400 or 404 or 500)
            {
                // The French error page, not an empty answer.
                (await response.Content.ReadAsStringAsync()).ShouldContain(status switch
                {
                    400 => "Demande non valide",
                    404 when url.StartsWith("/api/", StringComparison.Ordinal) => "urn:rtes:problem:not-found",
                    404 => "Page introuvable",
                    _ => "Une erreur est survenue",
                }, Case.Sensitive, name);
            }

            var csp = Header(response, "Content-Security-Policy").ShouldNotBeNull(name);
            csp.ShouldContain("script-src 'self'", Case.Sensitive, name);
            csp.ShouldNotContain("unsafe-inline", Case.Sensitive, name);
            csp.ShouldNotContain("unsafe-eval", Case.Sensitive, name);
            csp.ShouldContain("frame-ancestors 'none'", Case.Sensitive, name);
            csp.ShouldContain("object-src 'none'", Case.Sensitive, name);
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", name);
            Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", name);
            Header(response, "X-Frame-Options").ShouldBe("DENY", name);
            Header(response, "Permissions-Policy").ShouldNotBeNull(name).ShouldContain("camera=()", Case.Sensitive, name);
            Header(response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin", name);
        }
    }

    [Fact]
    public async Task Hsts_OutsideDevelopment_IsSentOverHttpsOnly()
    {
        // "Testing" is not Development: ErrorHandling calls UseHsts. Loopback host names are
        // excluded by design, so the site is reached under a public-looking name.
        await using var factory = site.Factory.WithWebHostBuilder(_ => { });
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://rtes.example") });
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://rtes.example") });

        foreach (var url in new[] { "/", "/css/site.css", "/nulle-part" })
        {
            using var secure = await https.GetAsync(new Uri(url, UriKind.Relative));
            var hsts = Header(secure, "Strict-Transport-Security").ShouldNotBeNull($"HSTS on {url} over HTTPS");
            var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            maxAge.ShouldBeGreaterThanOrEqualTo(30 * 24 * 3600, hsts);

            using var plain = await http.GetAsync(new Uri(url, UriKind.Relative));
            Header(plain, "Strict-Transport-Security").ShouldBeNull($"HSTS on {url} over plain HTTP");
        }
    }

    [Fact]
    public async Task Hsts_WithTheSecuritySetup_LastsAYearAndCoversSubdomains()
    {
        await using var factory = site.Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddRtesHsts()));
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://rtes.example") });

        using var response = await https.GetAsync(new Uri("/", UriKind.Relative));

        Header(response, "Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");
        var options = factory.Services.GetRequiredService<IOptions<HstsOptions>>().Value;
        options.ExcludedHosts.ShouldContain("localhost");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>Throws from the page's handler when the query asks for it.</summary>
    private sealed class ThrowingFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
            context.HttpContext.Request.QueryString.Value?.Contains(ThrowQuery, StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("Thrown by the security headers test.")
                : next();
    }
}
