using Microsoft.Extensions.Options;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// Start-up work that needs the database (migrating, seeding, starting the job scheduler), tried
/// again with an exponential back-off (1 s, 2 s, 4 s … up to <see cref="ResilienceOptions.StartupMaxRetryDelay"/>)
/// while the database is unreachable, with one clear log line per attempt, instead of crashing the
/// process (which an orchestrator would restart in a loop). Any other failure is thrown at once.
/// </summary>
public sealed partial class DatabaseStartup(IOptions<ResilienceOptions> options, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(string what, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work(cancellationToken);
                if (attempt > 1)
                {
                    LogReached(logger, what, attempt);
                }

                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                              && (DatabaseOutage.Cause(exception) ?? exception as DatabaseNotReadyException) is { } cause)
            {
                LogUnreachable(logger, what, attempt, delay.TotalSeconds, cause.GetType().Name, cause.Message);
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.StartupMaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database unreachable for {What} (attempt {Attempt}); next attempt in {Seconds} s. {ExceptionType}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string what, int attempt, double seconds, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reached for {What} at attempt {Attempt}")]
    private static partial void LogReached(ILogger logger, string what, int attempt);
}

/// <summary>The database answers but is not ready for the work yet (not migrated): tried again like an outage.</summary>
public sealed class DatabaseNotReadyException(string message) : Exception(message);
