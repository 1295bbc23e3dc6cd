using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using RtesPlatform.Core.Data.Configurations;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// Generates a synthetic network for load and comparison benchmarks: every EPCI, EPT and commune
/// of the reference data as a tenant (~36 000) with ~7 million indicator values of origin
/// 'synthetic', then recomputes every comparison aggregate. Idempotent: a second run reuses the
/// tenants of the first and replaces their values.
/// <para>
/// Runs as the schema owner, in one transaction: PostgreSQL refuses COPY into a table whose
/// row-level security applies to the current role, so <c>indicator_values</c> is switched to NO
/// FORCE (the owner is then exempt), its queue triggers, foreign keys and secondary indexes are
/// set aside and rebuilt after the load (no source or author: the origin says what they are, and
/// every byte counts 7 million times), and FORCE is set again before the commit. DDL is
/// transactional: no other session ever sees the table unforced (it waits on the table's lock).
/// </para>
/// </summary>
public sealed class SyntheticNetwork(string ownerConnectionString, TimeProvider clock)
{
    public async Task<SyntheticNetworkReport> RunAsync(
        SyntheticNetworkScope scope, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var report = progress ?? (_ => { });
        var total = Stopwatch.StartNew();
        void Say(string message) => report(string.Create(CultureInfo.InvariantCulture, $"[{total.Elapsed.TotalSeconds,6:F1} s] {message}"));

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            SET LOCAL maintenance_work_mem = '512MB';
            ALTER TABLE indicator_values NO FORCE ROW LEVEL SECURITY, DISABLE TRIGGER USER;
            """, cancellationToken);

        var (tenants, skipped) = await SyntheticTenants.PlanAsync(connection, transaction, scope, cancellationToken);
        var created = tenants.Count(t => t.IsNew);
        Say($"tenants: {created:N0} to create, {tenants.Count - created:N0} reused, {skipped:N0} existing members left untouched");
        var indicators = await CatalogueAsync(connection, transaction, scope.IndicatorCount, cancellationToken);

        var deleted = await DeleteSyntheticValuesAsync(connection, transaction, cancellationToken);
        Say($"values: {deleted:N0} synthetic values of earlier runs deleted");
        var deferred = await DeferredStructures.SetAsideAsync(connection, transaction, cancellationToken);

        await CopyTenantsAsync(connection, tenants.Where(t => t.IsNew), cancellationToken);
        Say($"tenants: {created:N0} created");
        var written = await CopyValuesAsync(connection, tenants, indicators, scope, Say, cancellationToken);
        Say($"values: {written:N0} written; rebuilding indexes and foreign keys");
        await deferred.RestoreAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction,
            "ALTER TABLE indicator_values FORCE ROW LEVEL SECURITY, ENABLE TRIGGER USER", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var loadTime = total.Elapsed;
        Say("committed (row-level security forced, triggers enabled)");

        var analyze = Stopwatch.StartNew();
        await ExecuteAsync(connection, null, "ANALYZE tenants; ANALYZE indicator_values", cancellationToken);
        var analyzeTime = analyze.Elapsed;
        Say($"analyzed in {analyzeTime.TotalSeconds:F1} s; refreshing every aggregate");

        var refresh = Stopwatch.StartNew();
        var aggregates = await SyntheticAggregates.RefreshAllAsync(ownerConnectionString, cancellationToken);
        Say($"aggregates: {aggregates:N0} rows in {refresh.Elapsed.TotalSeconds:F1} s");

        return new SyntheticNetworkReport(
            created, tenants.Count - created, skipped, deleted, written, aggregates,
            loadTime, analyzeTime, refresh.Elapsed, total.Elapsed);
    }

    private static async Task<List<SyntheticIndicator>> CatalogueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT code, unit, per_capita_base FROM indicators ORDER BY sort_order, code LIMIT @n", connection, transaction);
        command.Parameters.AddWithValue("n", count);
        var indicators = new List<SyntheticIndicator>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indicators.Add(new SyntheticIndicator(
                reader.GetString(0), Enum.Parse<FigureUnit>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
        }

        return indicators;
    }

    /// <summary>TRUNCATE when the table holds nothing else (no dead rows left behind), DELETE otherwise.</summary>
    private static async Task<long> DeleteSyntheticValuesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE origin = 'synthetic'), count(*) FILTER (WHERE origin <> 'synthetic') FROM indicator_values",
            connection, transaction) { CommandTimeout = 0 };
        long synthetic, others;
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (synthetic, others) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (synthetic > 0)
        {
            await ExecuteAsync(connection, transaction, others == 0
                ? "TRUNCATE indicator_values"
                : "DELETE FROM indicator_values WHERE origin = 'synthetic'", cancellationToken);
        }

        return synthetic;
    }

    private async Task CopyTenantsAsync(NpgsqlConnection connection, IEnumerable<SyntheticTenant> tenants, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY tenants (id, slug, name, kind, siren, insee_code, population, population_vintage,
                          region_code, region_name, departement_code, departement_name, status, created_at, origin)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var t in tenants)
        {
            writer.StartRow();
            writer.Write(t.Id, NpgsqlDbType.Uuid);
            writer.Write(t.Slug, NpgsqlDbType.Varchar);
            writer.Write(t.Name, NpgsqlDbType.Varchar);
            writer.Write(TenantKindLabels.Code(t.Kind), NpgsqlDbType.Varchar);
            WriteNullable(writer, t.Siren, NpgsqlDbType.Char);
            WriteNullable(writer, t.InseeCode, NpgsqlDbType.Varchar);
            WriteNullable(writer, t.Population);
            WriteNullable(writer, t.PopulationVintage);
            WriteNullable(writer, t.RegionCode, NpgsqlDbType.Varchar);
            WriteNullable(writer, t.RegionName, NpgsqlDbType.Varchar);
            WriteNullable(writer, t.DepartementCode, NpgsqlDbType.Varchar);
            WriteNullable(writer, t.DepartementName, NpgsqlDbType.Varchar);
            writer.Write("active", NpgsqlDbType.Varchar);
            writer.Write(now, NpgsqlDbType.TimestampTz);
            writer.Write("synthetic", NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task<long> CopyValuesAsync(
        NpgsqlConnection connection, List<SyntheticTenant> tenants, List<SyntheticIndicator> indicators,
        SyntheticNetworkScope scope, Action<string> say, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ordered = indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var values = new List<SyntheticValue>(scope.YearCount);
        long written = 0;
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY indicator_values (tenant_id, indicator_code, year, value, visibility, origin, updated_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var n = 0; n < tenants.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tenant = tenants[n];
            var intensity = SyntheticValues.Intensity(scope.Seed, tenant.Key);
            foreach (var indicator in ordered)
            {
                SyntheticValues.Generate(scope.Seed, tenant.Key, tenant.Population, intensity, indicator, scope, values);
                foreach (var value in values)
                {
                    // Synchronous writes: they only fill the importer's buffer (flushed when full).
                    writer.StartRow();
                    writer.Write(tenant.Id, NpgsqlDbType.Uuid);
                    writer.Write(indicator.Code, NpgsqlDbType.Varchar);
                    writer.Write(value.Year, NpgsqlDbType.Integer);
                    writer.Write(value.Value, NpgsqlDbType.Numeric);
                    writer.Write(VisibilityConversion.ToColumn(value.Visibility), NpgsqlDbType.Varchar);
                    writer.Write("synthetic", NpgsqlDbType.Varchar);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                    written++;
                }
            }

            if ((n + 1) % 5000 == 0)
            {
                say($"values: {written:N0} written ({n + 1:N0} of {tenants.Count:N0} tenants)");
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return written;
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    internal static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
