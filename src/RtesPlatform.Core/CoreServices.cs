using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core;

public static class CoreServices
{
    public static IServiceCollection AddRtesCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<UserSessions>();
        services.AddScoped<UserTenants>();
        services.AddSingleton<TenantSessionInterceptor>();

        services.AddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString(DatabaseOptions.AppConnectionName)
                ?? throw new InvalidOperationException(
                    $"No connection string: set ConnectionStrings:{DatabaseOptions.AppConnectionName} " +
                    "(or run ./rtes run, which starts a private PostgreSQL cluster).");
            return new NpgsqlDataSourceBuilder(connectionString).Build();
        });
        services.AddDbContext<RtesDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.EnableRetryOnFailure())
            .AddInterceptors(sp.GetRequiredService<TenantSessionInterceptor>()));

        services.AddOptions<ReferenceDataOptions>()
            .BindConfiguration(ReferenceDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ReferenceDataLoader>();
        services.AddSingleton<DepartementOutlines>();
        services.AddTransient<DatabaseMigrator>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<ReferenceLookup>();
        services.AddScoped<FichePublisher>();
        services.AddScoped<DraftEditor>();
        services.AddScoped<Features.Authoring.Rules.FicheRuleSet>();
        services.AddScoped<AuthoringPublisher>();
        services.AddScoped<DraftStatusQuery>();
        services.AddScoped<PublicationNotices>();
        services.AddRtesEmail(configuration);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddTransient<DemoSeeder>();
        services.AddScoped<LegacyImporter>();
        services.AddLegacyImportJobs(configuration);
        services.AddOptions<TeamOptions>()
            .BindConfiguration(TeamOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<Invitations>();
        services.AddScoped<TeamManager>();
        services.AddScoped<ComparisonSession>();
        services.AddScoped<ComparisonRanking>();
        services.AddScoped<ComparisonDistributions>();
        services.AddScoped<ComparisonSeries>();
        services.AddScoped<ComparisonQueries>();
        services.AddScoped<ComparisonMap>();
        services.AddScoped<ComparisonCoverage>();
        services.AddScoped<PublicTenantQueries>();
        services.AddSingleton<OpenDataWriter>();
        services.AddSingleton<OpenDataFiles>().AddSingleton<OpenDataExporter>();
        services.AddRtesJobs(configuration);
        services.AddJobKind(PublicationNoticeJob.Kind);
        services.AddIndicatorJobs(configuration);
        services.AddOpenDataJobs(configuration);
        services.AddRtesCampaigns();
        services.AddCampaignJobs(configuration);
        services.AddScoped<IndicatorValueEditor>();
        services.AddScoped<IndicatorCatalogue>();
        return services;
    }
}
