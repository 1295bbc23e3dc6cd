using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>
/// Loads the reference tables from the npm package, in one transaction, when the package version
/// or vintage differs from the last load. Runs as the schema owner (the application role may only
/// read these tables), as part of the migrate command.
/// </summary>
public sealed class ReferenceDataLoader(IOptions<ReferenceDataOptions> options, ILogger<ReferenceDataLoader> logger)
{
    private readonly ReferenceDataOptions _options = options.Value;

    public async Task<int> LoadIfChangedAsync(NpgsqlConnection ownerConnection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerConnection);
        var packagePath = ReferenceDataPackage.Locate(_options.PackagePath);
        var version = ReferenceDataPackage.ReadVersion(packagePath);
        var vintage = _options.Vintage;

        await using (var check = new NpgsqlCommand(
            "SELECT count(*) FROM reference_data_loads WHERE package_version = @v AND vintage = @y", ownerConnection))
        {
            check.Parameters.AddWithValue("v", version);
            check.Parameters.AddWithValue("y", _options.Vintage);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                logger.LogInformation("Reference data {PackageVersion} (vintage {Vintage}) already loaded", version, vintage);
                return 0;
            }
        }

        var records = ReferenceDataPackage.Read(packagePath, vintage);
        var count = records.Count;
        await using var transaction = await ownerConnection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM ref_collectivities", ownerConnection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await ownerConnection.BeginBinaryImportAsync(
            "COPY ref_collectivities (kind, code, siren, name, display_name, group_type, population, region_code, departement_code, postal_codes, member_codes, vintage) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var r in records)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.Kind.ToString().ToLowerInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Code, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, r.Siren, NpgsqlDbType.Char, cancellationToken);
                await writer.WriteAsync(r.Name, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.DisplayName, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, r.GroupType, NpgsqlDbType.Varchar, cancellationToken);
                if (r.Population is { } population)
                {
                    await writer.WriteAsync(population, NpgsqlDbType.Integer, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }

                await WriteNullableAsync(writer, r.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, r.DepartementCode, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.PostalCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.MemberCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Vintage, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO reference_data_loads (package_version, vintage, row_count, loaded_at) VALUES (@v, @y, @n, now())",
            ownerConnection, transaction))
        {
            record.Parameters.AddWithValue("v", version);
            record.Parameters.AddWithValue("y", _options.Vintage);
            record.Parameters.AddWithValue("n", records.Count);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Loaded {RowCount} reference records from @etalab/decoupage-administratif {PackageVersion} (vintage {Vintage})",
            count, version, vintage);
        return count;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }
}
