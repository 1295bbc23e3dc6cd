using System.Globalization;
using Npgsql;

namespace RtesPlatform.Bench;

/// <summary>
/// The URLs of the mixed workload, drawn from the database the app serves: published fiches,
/// directory pages that exist (kind × région filters, page numbers within the filter's count),
/// searches for words of members' names, comparisons and maps of indicators that have values,
/// the dashboard's pages, API reads, and the open-data files the app has generated.
/// </summary>
internal static class MixedUrls
{
    private const int DirectoryPageSize = 20;
    private const int DashboardPageSize = 25;
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    public static async Task<IReadOnlyList<MixedClass>> LoadAsync(string owner, Random random)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();

        var published = await ListAsync(connection, """
            SELECT slug FROM tenants WHERE status = 'active' AND published_version IS NOT NULL ORDER BY md5(slug) LIMIT 2000
            """, r => Text(r, "slug"));
        var members = await ListAsync(connection, """
            SELECT slug FROM tenants WHERE status = 'active' ORDER BY md5(slug) LIMIT 2000
            """, r => Text(r, "slug"));
        var filters = await ListAsync(connection, """
            SELECT kind, region_code, count(*) AS members FROM tenants
            WHERE status = 'active' AND region_code IS NOT NULL GROUP BY kind, region_code
            """, r => (Kind: Text(r, "kind"), Region: Text(r, "region_code"), Count: r.GetInt64(r.GetOrdinal("members"))));
        var words = await ListAsync(connection, """
            SELECT DISTINCT word FROM (
                SELECT regexp_split_to_table(lower(name), '[^[:alpha:]]+') AS word FROM tenants
                WHERE status = 'active' ORDER BY md5(slug) LIMIT 3000) s
            WHERE length(word) >= 5 ORDER BY word LIMIT 500
            """, r => Text(r, "word"));
        var indicators = await ListAsync(connection, """
            SELECT i.code, i.per_capita_base IS NOT NULL AS per_capita FROM indicators i
            WHERE EXISTS (SELECT 1 FROM indicator_aggregates a WHERE a.indicator_code = i.code)
            ORDER BY i.sort_order
            """, r => (Code: Text(r, "code"), PerCapita: r.GetBoolean(r.GetOrdinal("per_capita"))));
        var files = await ListAsync(connection, "SELECT set_name, format FROM open_data_files ORDER BY set_name, format",
            r => (Set: Text(r, "set_name"), Format: Text(r, "format")));
        var activeCount = (long)(await new NpgsqlCommand("SELECT count(*) FROM tenants WHERE status = 'active'", connection).ExecuteScalarAsync())!;

        if (published.Count == 0 || members.Count == 0 || indicators.Count == 0 || filters.Count == 0 || words.Count == 0)
        {
            throw new InvalidOperationException(
                "The database has no published fiche, member, comparable indicator or searchable name: seed it (seed-demo, seed-synthetic) first.");
        }

        if (files.Count == 0)
        {
            throw new InvalidOperationException("No open-data file has been generated yet (open_data_files is empty).");
        }

        string Member() => members[random.Next(members.Count)];
        (string Code, bool PerCapita) Indicator() => indicators[random.Next(indicators.Count)];
        (string Kind, string Region, long Count) Filter() => filters[random.Next(filters.Count)];
        static string E(string s) => Uri.EscapeDataString(s);
        int Page(long count, int size) => 1 + random.Next((int)Math.Max(1, (count + size - 1) / size));

        var fiches = published.Select(s => $"/collectivites/{E(s)}").ToList();
        var directory = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var f = Filter();
            directory.Add(i % 5 == 0
                ? string.Create(_inv, $"/collectivites?p={Page(activeCount, DirectoryPageSize)}")
                : string.Create(_inv, $"/collectivites?type={E(f.Kind)}&region={E(f.Region)}&p={Page(f.Count, DirectoryPageSize)}"));
            directory.Add($"/recherche?q={E(words[random.Next(words.Count)])}");
        }

        var comparisons = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var (code, perCapita) = Indicator();
            var divide = perCapita ? "&par-habitant=1" : string.Empty;
            var f = Filter();
            comparisons.Add($"/comparaisons?indicateur={E(code)}&membre={E(Member())}{divide}");
            comparisons.Add($"/comparaisons/carte?indicateur={E(code)}{divide}");
            comparisons.Add(string.Create(_inv, $"/comparaisons/tableau?type={E(f.Kind)}&region={E(f.Region)}&p={Page(f.Count, DashboardPageSize)}"));
        }

        var api = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var (code, _) = Indicator();
            api.Add($"/api/v1/tenants/{E(Member())}");
            api.Add($"/api/v1/comparisons/{E(code)}?focus={E(Member())}");
            api.Add(string.Create(_inv, $"/api/v1/tenants?page={Page(activeCount, 20)}"));
        }

        var openData = files.Select(f => $"/donnees-ouvertes/{E(f.Set)}.{E(f.Format)}").ToList();
        return
        [
            new("public fiches", 70, fiches),
            new("directory and search", 10, directory),
            new("comparisons, map, dashboard", 10, comparisons),
            new("API reads", 7, api),
            new("open-data downloads", 3, openData),
        ];
    }

    private static string Text(NpgsqlDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }
}
