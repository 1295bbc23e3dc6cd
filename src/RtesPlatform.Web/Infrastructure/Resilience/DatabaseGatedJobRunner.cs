using Npgsql;
using Quartz;
using RtesPlatform.Core.Features.Jobs;

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
    private volatile JobRunnerState _state = JobRunnerState.Waiting;

    /// <summary>Whether the scheduler has started.</summary>
    public bool IsStarted => _state == JobRunnerState.Started;

    /// <summary>Where starting the scheduler stands (read by the readiness check).</summary>
    public JobRunnerState State => _state;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(async () =>
        {
            try
            {
                await startup.RunAsync("the job scheduler", StartSchedulerAsync, _stopping.Token);
                _state = JobRunnerState.Started;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped before the database was reached.
            }
            catch (Exception exception)
            {
                // Not an outage (a configuration error): say so loudly; the site keeps serving.
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

        await services.GetRequiredService<ISchedulerRuntime>().Restart(JobsOverview.SchedulerName, new SchedulerRestartOptions { Start = true }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The job scheduler could not start; background jobs do not run on this node")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Where <see cref="DatabaseGatedJobRunner"/> stands in starting the job scheduler.</summary>
public enum JobRunnerState
{
    /// <summary>Not started yet: waiting for the database (or for the host to start).</summary>
    Waiting,

    /// <summary>Started (Quartz rides out later outages itself).</summary>
    Started,

    /// <summary>Gave up on a failure that is not an outage; this node runs no jobs.</summary>
    Failed,
}
