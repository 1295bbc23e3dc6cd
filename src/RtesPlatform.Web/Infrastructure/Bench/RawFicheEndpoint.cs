using System.Text;
using Npgsql;

namespace RtesPlatform.Web.Infrastructure.Bench;

/// <summary>
/// Benchmarks only: the floor any fiche page pays for its data. One raw Npgsql query reads the
/// tenant row and its published version (the same rows, through the same pool, role and
/// row-level security as the page), and the bytes read are written as they are: no EF Core, no
/// Razor, no routing, no tenant resolution.
/// </summary>
internal static class RawFicheEndpoint
{
    private const string Sql = """
        SELECT t.name, t.kind, t.population, t.region_name, t.departement_name, t.address,
               t.membership_year, t.siren, t.insee_code, v.published_at, v.content::text
        FROM tenants t
        LEFT JOIN fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
        WHERE t.slug = $1 AND t.status = 'active'
        """;

    public static async Task WriteAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        var slug = context.Request.Path.Value?.Trim('/') ?? string.Empty;
        var text = new StringBuilder(16 * 1024);
        await using (var command = dataSource.CreateCommand(Sql))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = slug });
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            if (!await reader.ReadAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? string.Empty : reader.GetValue(i).ToString()).Append('\n');
            }
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
