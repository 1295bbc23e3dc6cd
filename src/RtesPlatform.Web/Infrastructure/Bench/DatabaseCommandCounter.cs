using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Npgsql;

namespace RtesPlatform.Web.Infrastructure.Bench;

/// <summary>
/// Benchmarks only: counts the database commands the application runs (each one a round trip),
/// from Npgsql's own metrics (<c>db.client.operation.duration</c>, one measurement per command),
/// so that bench/fiche-page.sh can print round trips per request. Measurements are counted per
/// pool; the application's pool is recognised by a probe command, so that other hosts in the
/// same process (integration tests) do not count. Only commands run on behalf of an HTTP request
/// count (<see cref="MarkRequest"/>): the job server polls the same pool, and its commands are not
/// what a page costs.
/// </summary>
internal sealed class DatabaseCommandCounter : IDisposable
{
    private static readonly AsyncLocal<bool> _probing = new();
    private static readonly AsyncLocal<bool> _inRequest = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _byPool = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly NpgsqlDataSource _dataSource;
    private string? _probedPool;
    private string? _pool;

    public DatabaseCommandCounter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var pool = string.Empty;
            foreach (var tag in tags)
            {
                if (tag.Key.EndsWith("pool.name", StringComparison.Ordinal))
                {
                    pool = tag.Value as string ?? string.Empty;
                }
            }

            if (_probing.Value)
            {
                _probedPool = pool;
                return;
            }

            if (!_inRequest.Value)
            {
                return;
            }

            Interlocked.Increment(ref _byPool.GetOrAdd(pool, _ => new StrongBox<long>()).Value);
        });
        _listener.Start();
    }

    /// <summary>Marks the rest of the current asynchronous flow as serving an HTTP request.</summary>
    public static void MarkRequest() => _inRequest.Value = true;

    /// <summary>Commands run so far by requests through the application's data source.</summary>
    public async Task<long> CommandsAsync(CancellationToken cancellationToken)
    {
        if (_pool is null)
        {
            _probing.Value = true;
            await using (var probe = _dataSource.CreateCommand("SELECT 1"))
            {
                await probe.ExecuteScalarAsync(cancellationToken);
            }

            _probing.Value = false;
            _pool = _probedPool ?? string.Empty;
        }

        return _byPool.TryGetValue(_pool, out var count) ? Interlocked.Read(ref count.Value) : 0;
    }

    public void Dispose() => _listener.Dispose();
}
