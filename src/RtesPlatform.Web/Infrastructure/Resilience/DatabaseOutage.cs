using System.Net.Sockets;
using Npgsql;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// Tells an exception caused by an unreachable or restarting database (connection refused or
/// broken, server shutting down or starting, timeout, pool exhausted) from a bug or a refused
/// statement, looking through the wrappers EF Core, Hangfire and Data Protection put around it.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>SQLSTATEs of a server that is going away, starting, or full, besides class 08 (connection exception).</summary>
    private static readonly HashSet<string> _unavailableStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.AdminShutdown,          // 57P01: pg_ctl stop / restart
        PostgresErrorCodes.CrashShutdown,          // 57P02
        PostgresErrorCodes.CannotConnectNow,       // 57P03: the database system is starting up / shutting down
        PostgresErrorCodes.TooManyConnections,     // 53300
        PostgresErrorCodes.InsufficientResources,  // 53000
    };

    public static bool IsOutage(Exception? exception) => Cause(exception) is not null;

    /// <summary>The exception in the chain that shows the outage, or null.</summary>
    public static Exception? Cause(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case PostgresException postgres:
                    // A statement the server refused (constraint, syntax, permission) is not an outage.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || _unavailableStates.Contains(postgres.SqlState)
                        ? postgres : null;
                case NpgsqlException npgsql:
                    // Raised by the client itself: connect failure, broken stream, timeout, exhausted pool.
                    return npgsql;
                case SocketException or TimeoutException:
                    return exception;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    return aggregate.InnerExceptions.Select(Cause).FirstOrDefault(c => c is not null);
            }

            exception = exception.InnerException;
        }

        return null;
    }

    /// <summary>
    /// Whether the pooled connections are probably dead (the server restarted or the network
    /// broke), rather than the pool being busy: then they are better dropped at once.
    /// </summary>
    public static bool BreaksConnections(Exception cause) => cause switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.InnerException is not TimeoutException,
        _ => cause is SocketException,
    };
}
