using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RtesPlatform.Core;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Infrastructure.Health;
using RtesPlatform.Web.Infrastructure.Tenancy;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>Composition of the web host: services, then the request pipeline.</summary>
public static class WebSetup
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static WebApplicationBuilder AddRtesWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRtesCore(builder.Configuration);
        builder.Services.AddRtesJobRunner(builder.Configuration);
        builder.AddRtesAccounts();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddSingleton<Pages.Collectivites.PublishedFicheCache>();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Collectivites/Fiche", "/collectivites/{slug}");
        });
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseRtesWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(French),
            SupportedCultures = [French],
            SupportedUICultures = [French],
        });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next(context);
        });
        app.MapStaticAssets();
        if (app.Configuration["Bench:StaticRoot"] is { Length: > 0 } benchRoot)
        {
            // Benchmarks only (bench/fiche-page.sh): a static copy of a page, served by the same
            // host, is the baseline the dynamic page is compared with.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(benchRoot),
                RequestPath = "/_bench",
            });
        }

        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRtesAccounts();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapOpenData();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
