using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Bench;

/// <summary>
/// "Aggregates reflect a publication within 10 s": a tenant changes one of its public values (as
/// the back office does: tenant access, row-level security), the application's background
/// refresh job runs as in the app (Hangfire, debounced, on a job server in this process), and the network-wide aggregate is polled until it moves. The
/// value is then put back (and refreshed) so that the benchmark leaves the data as it found it.
/// </summary>
internal static class PublicationLatency
{
    private const decimal Bump = 1_000_000m;

    public static async Task<TimeSpan> MeasureAsync(IServiceProvider services, string owner, BenchSample sample)
    {
        var code = sample.PerCapitaCodes[0];
        var year = sample.Years[^1];
        TenantInfo tenant;
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT t.id, t.slug, t.name FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
                WHERE v.indicator_code = @code AND v.year = @year AND v.visibility = 'public' AND t.status = 'active'
                ORDER BY t.population DESC NULLS LAST LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("code", code);
            command.Parameters.AddWithValue("year", year);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            tenant = new TenantInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), TenantStatus.Active);
        }

        // A job server as a web node runs it: the change requests a debounced refresh job, as the
        // back office's value editor does after saving.
        using var server = JobNode.Start(services);
        try
        {
            var before = await TotalAsync(owner, code, year);
            await ChangeAsync(services, tenant, code, year, Bump);
            var watch = Stopwatch.StartNew();
            await WaitUntilAsync(owner, code, year, total => Math.Abs(total - before - (double)Bump) < 1);
            var latency = watch.Elapsed;

            await ChangeAsync(services, tenant, code, year, -Bump);
            await WaitUntilAsync(owner, code, year, total => Math.Abs(total - before) < 1);
            return latency;
        }
        finally
        {
            server.SendStop();
        }
    }

    private static async Task ChangeAsync(IServiceProvider services, TenantInfo tenant, string code, int year, decimal delta)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(tenant);
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var value = await db.IndicatorValues.SingleAsync(v => v.IndicatorCode == code && v.Year == year);
        value.Value += delta;
        value.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AggregateRefreshRequests>().RequestAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(string owner, string code, int year, Func<double, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done(await TotalAsync(owner, code, year)))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The aggregates did not reflect the change within 2 minutes.");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<double> TotalAsync(string owner, string code, int year)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT total FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = 'public' AND group_kind = 'all' AND group_key = ''
            """, connection);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("year", year);
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
