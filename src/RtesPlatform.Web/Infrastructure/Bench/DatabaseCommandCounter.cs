using System.Diagnostics.Metrics;

namespace RtesPlatform.Web.Infrastructure.Bench;

/// <summary>
/// Benchmarks only: counts the database commands the process runs (each one a round trip), from
/// Npgsql's own metrics (<c>db.client.operation.duration</c>, one measurement per command), so
/// that bench/fiche-page.sh can print round trips per request.
/// </summary>
internal sealed class DatabaseCommandCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _commands;

    public DatabaseCommandCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _commands));
        _listener.Start();
    }

    public long Commands => Interlocked.Read(ref _commands);

    public void Dispose() => _listener.Dispose();
}
