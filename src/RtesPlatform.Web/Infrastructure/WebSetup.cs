using System.Globalization;
using Microsoft.AspNetCore.Localization;
using RtesPlatform.Web.Api;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Infrastructure.Bench;
using RtesPlatform.Web.Infrastructure.Caching;
using RtesPlatform.Web.Infrastructure.Health;
using RtesPlatform.Web.Infrastructure.Jobs;
using RtesPlatform.Web.Infrastructure.Observability;
using RtesPlatform.Web.Infrastructure.Resilience;
using RtesPlatform.Web.Infrastructure.Security;
using RtesPlatform.Web.Infrastructure.Tenancy;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>Composition of the web host: services, then the request pipeline.</summary>
public static class WebSetup
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static WebApplicationBuilder AddRtesWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRtesObservability();
        builder.Services.AddRtesCore(builder.Configuration);
        builder.AddRtesAccounts();
        builder.AddRtesApi();
        builder.AddRtesOutputCaching();
        builder.AddRtesResilience();
        builder.AddRtesHealth();
        builder.AddRtesSecurityHeaders();
        builder.AddRtesJobsDashboard();
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
        return builder;
    }

    public static WebApplication UseRtesWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRtesObservability();
        app.UseRtesErrorHandling();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(French),
            SupportedCultures = [French],
            SupportedUICultures = [French],
        });
        app.UseRtesSecurityHeaders();
        app.MapStaticAssets();
        app.UseRtesBench();

        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRtesAccounts();
        app.UseRtesOutputCaching();

        app.MapRtesHealth();
        app.MapRtesApi();
        app.MapOpenData();
        app.MapRtesJobsDashboard();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
