using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace RtesPlatform.Core.Features.DataProtection;

/// <summary>
/// The Data Protection key ring in PostgreSQL (<c>data_protection_keys</c>, migration
/// <c>DataProtectionKeys</c>): every instance reads the same keys, so a cookie protected by one is
/// unprotected by any other. Data Protection calls this synchronously, rarely (at start, when its
/// cached key ring expires — about a day — and when it creates a key), and keeps the keys in memory.
/// Keys are stored unencrypted: the table is a secret (docs/architecture.md, "Several instances").
/// </summary>
public sealed class DataProtectionKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)friendlyName ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
