using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire's dashboard under <see cref="Path"/>, behind the <see cref="Policies.NetworkAdmin"/>
/// authorization policy (network admins with two-factor authentication); read-only for anyone the
/// policy may admit later who is not a network admin; no connection string shown. The people's
/// view of the jobs is <c>/reseau/taches</c>, which links here for details. Its pages carry a
/// content security policy of their own (<see cref="Security.SecurityHeaders"/>).
/// </summary>
public static class JobsDashboardSetup
{
    public const string Path = "/reseau/taches/hangfire";

    public static WebApplicationBuilder AddRtesJobsDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The dashboard asks for Hangfire's marker service and its routes; the storage, filters and
        // clients are this host's own (JobsSetup), nothing process-wide.
        builder.Services.TryAddSingleton<IGlobalConfiguration>(_ => GlobalConfiguration.Configuration);
        builder.Services.TryAddSingleton(_ => DashboardRoutes.Routes);
        return builder;
    }

    public static WebApplication MapRtesJobsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.NetworkAdmin, Path, new DashboardOptions
        {
            AppPath = "/reseau/taches",
            DashboardTitle = "Tâches de fond — RTES",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => context.GetHttpContext().User.IsInRole(NetworkRoles.NetworkAdmin) is false,
            TimeZoneResolver = app.Services.GetService<ITimeZoneResolver>(),
        });
        return app;
    }
}
