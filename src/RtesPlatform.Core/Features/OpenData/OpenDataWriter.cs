using System.Globalization;
using System.Text.Json;
using Npgsql;
using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// Streams an open-data set from the database to a file or a response, row by row (the values
/// of a large network run to millions of rows). Reads through a connection that carries no
/// tenant and no user, so that row-level security shows exactly what an anonymous visitor sees.
/// </summary>
public sealed class OpenDataWriter(NpgsqlDataSource dataSource)
{
    public const string Licence = "Licence Ouverte / Open Licence version 2.0 (Etalab)";

    /// <summary>Writes the set as CSV (RFC 4180); returns the number of data rows (header excluded).</summary>
    public Task<long> WriteCsvAsync(OpenDataSet set, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(set, ExportFormat.Csv, output, DateTimeOffset.UnixEpoch, cancellationToken);

    /// <summary>
    /// Writes the set in a format; returns the number of data rows. <paramref name="generatedAt"/> is
    /// the date JSON and XLSX files carry. XLSX is written to a temporary file first when
    /// <paramref name="output"/> cannot seek (a response, a gzip stream), since its zip is written synchronously.
    /// </summary>
    public async Task<long> WriteAsync(OpenDataSet set, ExportFormat format, Stream output, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Json)
        {
            return await WriteJsonAsync(set, output, generatedAt, cancellationToken);
        }

        if (!set.HasCsv)
        {
            throw new InvalidOperationException($"{set.Name} is published as JSON only.");
        }

        if (format == ExportFormat.Xlsx && !output.CanSeek)
        {
            var path = Path.Combine(Path.GetTempPath(), $"rtes-open-data-{Guid.NewGuid():N}.xlsx");
            await using var file = new FileStream(
                path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            var rows = await WriteAsync(set, format, file, generatedAt, cancellationToken);
            file.Position = 0;
            await file.CopyToAsync(output, cancellationToken);
            return rows;
        }

        var notes = format == ExportFormat.Xlsx ? await NotesAsync(set, generatedAt, cancellationToken) : [];
        await using var writer = format.CreateWriter(output, set.Table(notes), generatedAt);
        await using var command = dataSource.CreateCommand(set.Sql);
        command.CommandTimeout = 0;  // a large set to a slow client
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            count++;
            for (var i = 0; i < set.Columns.Count; i++)
            {
                WriteCell(writer, set.Columns[i], reader, i);
            }

            await writer.EndRowAsync(cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>Writes the set as JSON; returns the number of objects in <c>donnees</c>.</summary>
    public async Task<long> WriteJsonAsync(OpenDataSet set, Stream output, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("jeu", set.Name);
        json.WriteString("titre", set.Title);
        json.WriteString("licence", Licence);
        json.WriteString("genere_le", generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("donnees");
        await using var command = dataSource.CreateCommand(set.Sql);
        command.CommandTimeout = 0;  // as the tabular formats: a large set (the values: millions of rows) to a slow client
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            json.WriteStartObject();
            for (var i = 0; i < set.Columns.Count; i++)
            {
                WriteJson(json, set.Columns[i], reader, i);
            }

            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return rows;
    }

    private static void WriteCell(IRowWriter writer, OpenDataColumn column, NpgsqlDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            writer.Text(null);
            return;
        }

        switch (column.Type)
        {
            case OpenDataType.WholeNumber or OpenDataType.Year:
                writer.WholeNumber(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
                break;
            case OpenDataType.Number:
                writer.Number(reader.GetDecimal(i));
                break;
            case OpenDataType.DateTime:
                writer.Timestamp(reader.GetFieldValue<DateTime>(i));
                break;
            case OpenDataType.TextList:
                writer.Text(string.Join(';', reader.GetFieldValue<string[]>(i)));
                break;
            default:
                var text = reader.GetValue(i).ToString()!.Trim();
                if (column.French is { } french)
                {
                    writer.Code(text, french(text));
                }
                else
                {
                    writer.Text(text);
                }

                break;
        }
    }

    /// <summary>The "Définitions" sheet's notes: the set, its licence and date, and the definition of every indicator it refers to.</summary>
    private async Task<IReadOnlyList<ExportNote>> NotesAsync(OpenDataSet set, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var notes = new List<ExportNote>
        {
            new("Jeu de données", set.Description),
            new("Source", "RTES – Réseau des collectivités Territoriales pour une Économie Solidaire : données publiées par les collectivités membres sur la plateforme (page Données ouvertes). Chaque valeur indique sa propre source quand elle en a une."),
            new("Licence", Licence),
            new("Généré le", FrenchFormat.DateTime(generatedAt)),
        };
        if (set != OpenDataSets.Values && set != OpenDataSets.Indicators)
        {
            return notes;
        }

        await using var command = dataSource.CreateCommand("SELECT code, label_fr, unit, definition FROM indicators ORDER BY sort_order, code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(reader.GetOrdinal("code"));
            var label = reader.GetString(reader.GetOrdinal("label_fr"));
            var unit = ExportUnits.French(reader.GetString(reader.GetOrdinal("unit")));
            var definition = reader.IsDBNull(reader.GetOrdinal("definition")) ? string.Empty : " : " + reader.GetString(reader.GetOrdinal("definition"));
            notes.Add(new($"Indicateur {code}", $"{label} ({unit}){definition}"));
        }

        return notes;
    }

    private static void WriteJson(Utf8JsonWriter json, OpenDataColumn column, NpgsqlDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNull(column.Name);
            return;
        }

        switch (column.Type)
        {
            case OpenDataType.WholeNumber or OpenDataType.Year:
                json.WriteNumber(column.Name, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
                break;
            case OpenDataType.Number:
                json.WriteNumber(column.Name, ExportNumbers.Normalize(reader.GetDecimal(i)));
                break;
            case OpenDataType.DateTime:
                json.WriteString(column.Name, IsoDate(reader.GetFieldValue<DateTime>(i)));
                break;
            case OpenDataType.TextList:
                json.WriteStartArray(column.Name);
                foreach (var item in reader.GetFieldValue<string[]>(i))
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            case OpenDataType.Json:
                json.WritePropertyName(column.Name);
                json.WriteRawValue(reader.GetString(i), skipInputValidation: true);
                break;
            default:
                json.WriteString(column.Name, reader.GetValue(i).ToString()!.Trim());
                break;
        }
    }

    private static string IsoDate(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
