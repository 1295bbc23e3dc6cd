using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// Behaviour while the database is unreachable or restarts (docs/operations.md, "Faults"):
/// 503 + Retry-After instead of 500 (<see cref="DatabaseUnavailableHandler"/>), short connect
/// timeout and keepalive on the application's connections, few and short EF Core retries per
/// request, and a job server that starts once the database answers (<see cref="DatabaseGatedJobRunner"/>)
/// so that the process starts, and stays up, without it.
/// </summary>
public static class ResilienceSetup
{
    public static WebApplicationBuilder AddRtesResilience(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(ResilienceOptions.SectionName).Get<ResilienceOptions>() ?? new ResilienceOptions();

        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddSingleton<DatabaseStartup>();
        ApplyConnectionDefaults(builder.Configuration, options);

        // Core enables EF Core's retrying strategy with its defaults (6 retries, up to 30 s apart):
        // right for a job, but a request would hang for a minute during an outage. Later options
        // configuration wins, so this replaces it for the web host.
        services.ConfigureDbContext<RtesDbContext>(o => o.UseNpgsql(npgsql =>
            npgsql.EnableRetryOnFailure(options.DatabaseRetryCount, options.DatabaseMaxRetryDelay, errorCodesToAdd: null)));

        GateJobRunner(services, builder.Configuration);
        return builder;
    }

    /// <summary>This node's job server, started once the database answers (unless <c>Jobs:RunScheduler</c> is false).</summary>
    private static void GateJobRunner(IServiceCollection services, ConfigurationManager configuration)
    {
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunScheduler)
        {
            services.AddSingleton<DatabaseGatedJobRunner>();
            services.AddHostedService(sp => sp.GetRequiredService<DatabaseGatedJobRunner>());
        }
    }

    /// <summary>
    /// Adds <c>Timeout</c> (connect), <c>Keepalive</c> and <c>Tcp Keepalive</c> to the application's
    /// connection string when it does not set them; what the connection string says wins.
    /// </summary>
    private static void ApplyConnectionDefaults(ConfigurationManager configuration, ResilienceOptions options)
    {
        if (configuration.GetConnectionString(DatabaseOptions.AppConnectionName) is not { Length: > 0 } connectionString)
        {
            return;
        }

        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var changed = false;
        if (!keys.Contains("TIMEOUT"))
        {
            given["Timeout"] = options.ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
            changed = true;
        }

        if (!keys.Contains("KEEPALIVE") && options.KeepAliveSeconds > 0)
        {
            given["Keepalive"] = options.KeepAliveSeconds.ToString(CultureInfo.InvariantCulture);
            changed = true;
        }

        if (!keys.Contains("TCPKEEPALIVE"))
        {
            given["Tcp Keepalive"] = "true";
            changed = true;
        }

        if (changed)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.AppConnectionName}"] = given.ConnectionString,
            });
        }
    }
}
