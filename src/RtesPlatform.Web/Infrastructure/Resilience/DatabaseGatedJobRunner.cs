using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using Npgsql;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// This node's Hangfire server, started in the background once the database answers and holds the
/// job storage's schema: the recurring jobs are stored first (<see cref="RecurringJobsRegistrar"/>),
/// then the server starts its workers. The site meanwhile serves what needs no database and answers
/// 503 for the rest; /health/ready says degraded. Once started, Hangfire rides out later outages
/// itself (its processes retry; a job whose worker died is fetched again after the invisibility
/// timeout). Stopping the host stops the server: running jobs are cancelled and put back in their
/// queue, so another node runs them again.
/// </summary>
public sealed partial class DatabaseGatedJobRunner(
    IServiceProvider services, JobStorage storage, NpgsqlDataSource dataSource, DatabaseStartup startup,
    IOptions<JobsOptions> options, ILogger<DatabaseGatedJobRunner> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Task _starting = Task.CompletedTask;
    private BackgroundJobServer? _server;
    private volatile JobRunnerState _state = JobRunnerState.Waiting;

    /// <summary>The prefix of this node's server id in the job storage (Hangfire appends a random part).</summary>
    public string ServerName { get; } = $"rtes-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();

    /// <summary>Where starting the job server stands (read by the readiness check).</summary>
    public JobRunnerState State => _state;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(async () =>
        {
            try
            {
                await startup.RunAsync("the job server", StartServerAsync, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped before the database was reached.
            }
            catch (Exception exception)
            {
                // Not an outage (a configuration error, a bad cron expression): say so loudly; the site keeps serving.
                _state = JobRunnerState.Failed;
                LogFailed(logger, exception);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await StopServerAsync(cancellationToken);
    }

    /// <summary>Stops this node's server (the host stopping, or an operator's test); <see cref="State"/> becomes <see cref="JobRunnerState.Stopped"/>.</summary>
    public async Task StopServerAsync(CancellationToken cancellationToken)
    {
        BackgroundJobServer? server;
        lock (_lock)
        {
            (server, _server) = (_server, null);
        }

        if (server is null)
        {
            return;
        }

        _state = JobRunnerState.Stopped;
        server.SendStop();
        await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        server.Dispose();
    }

    /// <summary>Starts this node's server again after <see cref="StopServerAsync"/>.</summary>
    public Task RestartServerAsync(CancellationToken cancellationToken) => StartServerAsync(cancellationToken);

    public void Dispose()
    {
        _stopping.Dispose();
        _server?.Dispose();
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand($"SELECT to_regclass('{JobsSetup.SchemaName}.job') IS NOT NULL"))
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new DatabaseNotReadyException("The job storage's tables do not exist yet (run the migrate command).");
            }
        }

        services.GetRequiredService<RecurringJobsRegistrar>().Register();
        var serverOptions = JobsSetup.ServerOptions(services, options.Value);
        serverOptions.ServerName = ServerName;
        lock (_lock)
        {
            _server ??= new BackgroundJobServer(serverOptions, storage, services.GetServices<IBackgroundProcess>());
        }

        _state = JobRunnerState.Started;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The job server could not start; background jobs do not run on this node")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
