using System.Globalization;
using System.Text;
using Npgsql;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.LegacyImport;

/// <summary>
/// A legacy export of many fiches, in the format of the seed (/work/shared/seeds/rtes-fiches-grand-est.txt),
/// for real communautés de communes of the reference data (so the matcher recognises them).
/// </summary>
internal static class LargeLegacyFile
{
    public static async Task<byte[]> GenerateAsync(TestDatabase database, int count)
    {
        var text = new StringBuilder("Réseau des collectivités Territoriales pour une Économie Solidaire\n\n");
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT name, postal_codes[1], population FROM ref_collectivities
             WHERE kind = 'epci' AND group_type = 'CC' AND cardinality(postal_codes) > 0 AND population IS NOT NULL
               AND name NOT LIKE '%:%' AND name NOT LIKE '%.%' AND length(name) < 90
             ORDER BY code LIMIT @count
            """, connection);
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync();
        var year = 2010;
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            var official = name.StartsWith("CC ", StringComparison.Ordinal) ? "Communauté de communes " + name[3..] : name;
            var postcode = reader.GetString(1);
            var population = reader.GetInt32(2);
            year = year == 2024 ? 2010 : year + 1;
            text.Append(CultureInfo.InvariantCulture, $"""
                {official}

                Année d'adhésion au RTES: {year}

                Type de collectivité
                Communauté de communes
                Nombre d'habitants sur le territoire
                {population}
                Adresse

                1 place de la Mairie
                {postcode} Ville
                France

                Panorama de l’ESS sur le territoire

                Le territoire compte de nombreuses structures de l’économie sociale et solidaire, soutenues par la communauté de communes depuis {year}.

                Budget  / Moyens affectés à l’ESS

                En {year + 1}, la collectivité a consacré {1000 + (population % 9000)} euros au soutien des structures de l’ESS.

                Programme d’intervention dans le champ de l’ESS

                La communauté de communes accompagne les porteurs de projets et anime un réseau d’acteurs.


                """);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
