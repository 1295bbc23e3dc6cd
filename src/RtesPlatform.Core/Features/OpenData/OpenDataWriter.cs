using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// Streams an open-data set from the database to a file or a response, row by row (the values
/// of a large network run to millions of rows). Reads through a connection that carries no
/// tenant and no user, so that row-level security shows exactly what an anonymous visitor sees.
/// </summary>
public sealed class OpenDataWriter(NpgsqlDataSource dataSource)
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the set as CSV; returns the number of data rows (header excluded).</summary>
    public async Task<long> WriteCsvAsync(OpenDataSet set, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.HasCsv)
        {
            throw new InvalidOperationException($"{set.Name} is published as JSON only.");
        }

        await using var writer = new StreamWriter(output, _utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', set.Columns.Select(c => c.Name)));
        await using var command = dataSource.CreateCommand(set.Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var line = new StringBuilder();
        var rows = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            line.Clear();
            for (var i = 0; i < set.Columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                AppendCsv(line, set.Columns[i].Type, reader, i);
            }

            await writer.WriteLineAsync(line, cancellationToken);
        }

        return rows;
    }

    /// <summary>Writes the set as JSON; returns the number of objects in <c>donnees</c>.</summary>
    public async Task<long> WriteJsonAsync(OpenDataSet set, Stream output, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("jeu", set.Name);
        json.WriteString("titre", set.Title);
        json.WriteString("licence", "Licence Ouverte / Open Licence version 2.0 (Etalab)");
        json.WriteString("genere_le", generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("donnees");
        await using var command = dataSource.CreateCommand(set.Sql);
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

    private static void AppendCsv(StringBuilder line, OpenDataType type, NpgsqlDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return;
        }

        switch (type)
        {
            case OpenDataType.WholeNumber:
                line.Append(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case OpenDataType.Number:
                line.Append(reader.GetDecimal(i).ToString(CultureInfo.InvariantCulture));
                break;
            case OpenDataType.DateTime:
                line.Append(IsoDate(reader.GetFieldValue<DateTime>(i)));
                break;
            case OpenDataType.TextList:
                AppendQuoted(line, string.Join(';', reader.GetFieldValue<string[]>(i)));
                break;
            default:
                AppendQuoted(line, reader.GetValue(i).ToString()!.Trim());
                break;
        }
    }

    /// <summary>
    /// Text is always quoted, so that codes such as "01053" stay text with their leading zero, and
    /// neutralised when a spreadsheet would read it as a formula (<see cref="SpreadsheetText"/>).
    /// </summary>
    private static void AppendQuoted(StringBuilder line, string value) =>
        line.Append('"').Append(SpreadsheetText.Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    private static void WriteJson(Utf8JsonWriter json, OpenDataColumn column, NpgsqlDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNull(column.Name);
            return;
        }

        switch (column.Type)
        {
            case OpenDataType.WholeNumber:
                json.WriteNumber(column.Name, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
                break;
            case OpenDataType.Number:
                json.WriteNumber(column.Name, reader.GetDecimal(i));
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
