using System.Data;
using System.IO.Compression;
using Npgsql;
using NpgsqlTypes;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// The generated open-data files in <c>open_data_files</c>: every instance serves the same bytes.
/// Content is streamed both ways (written from a temporary file, read with sequential access), so
/// that a file of several hundred megabytes never sits in memory.
/// </summary>
public sealed class OpenDataFiles(NpgsqlDataSource dataSource)
{
    private const string InfoColumns = "set_name, format, generated_at, row_count, byte_count, sha256, octet_length(content)";

    public async Task<IReadOnlyList<OpenDataFileInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {InfoColumns} FROM open_data_files");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<OpenDataFileInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(ReadInfo(reader));
        }

        return files;
    }

    public async Task<OpenDataFileInfo?> FindAsync(string setName, string format, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {InfoColumns} FROM open_data_files WHERE set_name = $1 AND format = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = setName });
        command.Parameters.Add(new NpgsqlParameter { Value = format });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInfo(reader) : null;
    }

    /// <summary>
    /// Copies the content of exactly the file <paramref name="file"/> describes (same SHA-256), gzip
    /// or decompressed; false when it has been replaced since it was looked up (the caller looks again).
    /// </summary>
    public async Task<bool> CopyToAsync(OpenDataFileInfo file, Stream output, bool gzip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var command = dataSource.CreateCommand(
            "SELECT content FROM open_data_files WHERE set_name = $1 AND format = $2 AND sha256 = $3 AND generated_at = $4");
        command.Parameters.Add(new NpgsqlParameter { Value = file.SetName });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Format });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = file.GeneratedAt });
        command.CommandTimeout = 0;  // a large file to a slow client
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        await using var content = await reader.GetStreamAsync(0, cancellationToken);
        if (gzip)
        {
            await content.CopyToAsync(output, cancellationToken);
        }
        else
        {
            await using var decompressed = new GZipStream(content, CompressionMode.Decompress);
            await decompressed.CopyToAsync(output, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Stores a file in one statement (a reader sees the old file or the new one, never half of
    /// either). A generation that started earlier than the stored one does not replace it, so two
    /// runs that overlap (a "run now" during the nightly run) leave the newest data.
    /// </summary>
    public async Task<bool> StoreAsync(OpenDataFileInfo file, Stream gzipContent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO open_data_files AS f (set_name, format, generated_at, row_count, byte_count, sha256, content)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (set_name, format) DO UPDATE
                SET generated_at = excluded.generated_at, row_count = excluded.row_count, byte_count = excluded.byte_count,
                    sha256 = excluded.sha256, content = excluded.content
                WHERE f.generated_at <= excluded.generated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = file.SetName });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Format });
        command.Parameters.Add(new NpgsqlParameter { Value = file.GeneratedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = file.RowCount });
        command.Parameters.Add(new NpgsqlParameter { Value = file.ByteCount });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = gzipContent, Size = checked((int)file.CompressedLength) });
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static OpenDataFileInfo ReadInfo(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
        reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5), reader.GetInt32(6));
}
