using Npgsql;
using Quartz;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// Starts Quartz's hosted service (the job scheduler of this node) in the background, once the
/// database answers and holds the job store's tables: Quartz validates its tables and stores the
/// declared triggers when it starts, so started with the host while the database is unreachable
/// it would fail the whole process. The site meanwhile serves what needs no database and answers
/// 503 for the rest; /health/ready says unhealthy. Once started, Quartz rides out later outages
/// itself (it retries its store, and its misfire instructions decide what a missed firing does).
/// A scheduler that fails while starting is shut down by Quartz for good: the next attempt builds
/// a new one from the same registration (<see cref="ISchedulerRuntime.Restart"/>).
/// </summary>
public sealed partial class DatabaseGatedJobRunner(
    QuartzHostedService inner, NpgsqlDataSource dataSource, IServiceProvider services,
    DatabaseStartup startup, ILogger<DatabaseGatedJobRunner> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private bool _innerTried;
    private volatile bool _started;

    /// <summary>Whether the scheduler has started.</summary>
    public bool IsStarted => _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(async () =>
        {
            try
            {
                await startup.RunAsync("the job scheduler", StartSchedulerAsync, _stopping.Token);
                _started = true;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped before the database was reached.
            }
            catch (Exception exception)
            {
                // Not an outage (a configuration error): say so loudly; the site keeps serving.
                LogFailed(logger, exception);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_innerTried)
        {
            await inner.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartSchedulerAsync(CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand("SELECT to_regclass('qrtz_locks') IS NOT NULL"))
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new DatabaseNotReadyException("The job store's tables do not exist yet (run the migrate command).");
            }
        }

        if (!_innerTried)
        {
            _innerTried = true;
            await inner.StartAsync(cancellationToken);
            return;
        }

        const string name = "rtes";  // JobsSetup: the scheduler's InstanceName
        await services.GetRequiredService<ISchedulerRuntime>().Restart(name, new SchedulerRestartOptions { Start = true }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The job scheduler could not start; background jobs do not run on this node")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
