using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Api.Officer;
using RtesPlatform.Web.Api.PublicReads;
using RtesPlatform.Web.Api.Tokens;

namespace RtesPlatform.Web.Api;

/// <summary>The REST API under <c>/api/v1</c> (minimal APIs): public reads and officers' writes.</summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    public static WebApplicationBuilder AddRtesApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRtesApiTokens();
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Localize);
        services.AddRtesOpenApi();
        services.AddScoped<PublishedFiches>();
        services.AddScoped<PublicIndicatorValues>();
        return builder;
    }

    public static WebApplication MapRtesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix);
        api.MapPublicTenantsApi();
        api.MapPublicIndicatorsApi();
        api.MapPublicComparisonsApi();
        api.MapOfficerApi();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
