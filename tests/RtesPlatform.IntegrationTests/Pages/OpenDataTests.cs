using System.Net;
using System.Text.Json;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>
/// The open-data page and its files: formats, identifiers as text, public data only. The files are
/// those the export job stored: each test generates them (as the nightly job does) after writing its data.
/// </summary>
public sealed partial class OpenDataTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Page_DescribesEveryFileAndTheLicence()
    {
        await GenerateAsync();
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/donnees-ouvertes");

        status.ShouldBe(200);
        page.QuerySelector("h1")!.Text().ShouldBe("Données ouvertes");
        page.Body!.TextContent.ShouldContain("Licence Ouverte / Open Licence version 2.0");
        var links = page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(
        [
            .. ((string[])["collectivites", "indicateurs", "valeurs", "actions"]).SelectMany(set => ((string[])["csv", "json", "xlsx", "csv-excel"]).Select(f => $"/donnees-ouvertes/{set}.{f}")),
            "/donnees-ouvertes/fiches.json",
        ]);
        page.QuerySelectorAll("a[download]").Select(a => a.TextContent).ShouldContain("Télécharger en Excel (XLSX) : Valeurs des indicateurs");
        page.QuerySelectorAll("a[download]").Select(a => a.TextContent).ShouldContain("CSV pour Excel (point-virgule) : Valeurs des indicateurs");
        foreach (var link in links)
        {
            using var response = await site.Factory.CreateClient().GetAsync(link);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        }
    }

    [Fact]
    public async Task CollectivitiesCsv_HeaderRowCommaSeparatorAndCodesAsQuotedText()
    {
        await GenerateAsync();
        var (contentType, lines) = await CsvAsync("/donnees-ouvertes/collectivites.csv");

        contentType.ShouldBe("text/csv; charset=utf-8");
        lines[0].ShouldStartWith("siren,code_insee,collectivite,type,identifiant,");
        var ardennes = lines.Single(l => l.Contains("\"departement-des-ardennes\"", StringComparison.Ordinal));
        ardennes.ShouldStartWith(",\"08\",\"Département des Ardennes\",\"departement\"");
        ardennes.ShouldEndWith(",2018,2026-07-07T09:00:00Z,\"reference\"");  // no SIREN; INSEE code keeps its leading zero
        var rochelle = lines.Single(l => l.Contains("\"ca-la-rochelle\"", StringComparison.Ordinal));
        rochelle.ShouldStartWith("\"241700434\",,");
        rochelle.ShouldMatch(@",185015,2026,(\d{4})?,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,""reference""$");  // population, vintage, membership year (none in the demo), ISO date
    }

    [Fact]
    public async Task ValuesCsv_HoldsTheDerivedPublicValues_NeverNetworkOrPrivateOnes()
    {
        var rochelle = await site.Database.QueryAsAdminAsync<Guid>("SELECT id FROM tenants WHERE slug = 'ca-la-rochelle'");
        var tenant = new Core.Features.Tenants.Tenant { Id = rochelle, Slug = "ca-la-rochelle", Name = "CA de La Rochelle" };
        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            foreach (var (year, visibility) in new[] { (2015, ValueVisibility.Network), (2016, ValueVisibility.Private) })
            {
                db.IndicatorValues.Add(new IndicatorValue
                {
                    IndicatorCode = "budget_grants", Year = year, Value = 424242m, Visibility = visibility,
                    Origin = ValueOrigin.Manual, SourceTitle = "Réservé", UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        });
        await GenerateAsync();

        var (_, lines) = await CsvAsync("/donnees-ouvertes/valeurs.csv");
        var json = await JsonAsync("/donnees-ouvertes/valeurs.json");

        lines.ShouldContain(l => l.StartsWith("\"241700434\",,\"CA de La Rochelle\",\"ca\",\"social_clause_fte\",2022,140", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("424242", StringComparison.Ordinal));
        json.GetProperty("donnees").GetArrayLength().ShouldBe(lines.Count - 1);
        json.GetRawText().ShouldNotContain("424242");
        var strasbourg = json.GetProperty("donnees").EnumerateArray()
            .Single(v => v.GetProperty("siren").GetString() == "246700488" && v.GetProperty("indicateur").GetString() == "budget_total");
        strasbourg.GetProperty("valeur").GetDecimal().ShouldBe(1_000_000m);
        strasbourg.GetProperty("annee").GetInt32().ShouldBe(2012);
        json.GetProperty("licence").GetString()!.ShouldContain("Licence Ouverte");
    }

    [Fact]
    public async Task ValuesCsv_NeutralisesFormulaLikeText_TheJsonKeepsItAsWritten()
    {
        var rochelle = await site.Database.QueryAsAdminAsync<Guid>("SELECT id FROM tenants WHERE slug = 'ca-la-rochelle'");
        var tenant = new Core.Features.Tenants.Tenant { Id = rochelle, Slug = "ca-la-rochelle", Name = "CA de La Rochelle" };
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"Relevé\")";
        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            foreach (var (year, title) in new[] { (2009, Formula), (2010, "+33 relevé"), (2011, "@SUM(A1)"), (2008, "-2 %") })
            {
                db.IndicatorValues.Add(new IndicatorValue
                {
                    IndicatorCode = "budget_grants", Year = year, Value = 515151m, Visibility = ValueVisibility.Public,
                    Origin = ValueOrigin.Manual, SourceTitle = title, UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        });
        await GenerateAsync();

        var (_, lines) = await CsvAsync("/donnees-ouvertes/valeurs.csv");
        var json = await JsonAsync("/donnees-ouvertes/valeurs.json");

        var rows = lines.Where(l => l.Contains("515151", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(4, string.Join("\n", lines.Where(l => l.Contains("budget_grants", StringComparison.Ordinal)).Take(5)));
        rows.ShouldContain(l => l.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Relevé\"\")\"", StringComparison.Ordinal));
        rows.ShouldContain(l => l.Contains("\"'+33 relevé\"", StringComparison.Ordinal));
        rows.ShouldContain(l => l.Contains("\"'@SUM(A1)\"", StringComparison.Ordinal));
        rows.ShouldContain(l => l.Contains("\"'-2 %\"", StringComparison.Ordinal));
        rows.ShouldAllBe(l => !l.Contains(",\"=", StringComparison.Ordinal));
        json.GetProperty("donnees").EnumerateArray().Select(v => v.GetProperty("source").GetString()).ShouldContain(Formula);
    }

    [Fact]
    public async Task FichesJson_LeavesOutContactsWithoutConsent()
    {
        var tenant = await site.Database.CreateTenantAsync(TestSirens.Next());
        await site.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("open data") with
        {
            Contacts =
            [
                new Contact { Role = ContactRole.Officer, Name = "Camille Publique", Email = "camille@example.org", Consent = ContactConsent.Given },
                new Contact { Role = ContactRole.Officer, Name = "Dominique Discrète", Email = "dominique@example.org", Consent = ContactConsent.Unknown },
            ],
        });
        await GenerateAsync();

        var json = await JsonAsync("/donnees-ouvertes/fiches.json");

        var fiche = json.GetProperty("donnees").EnumerateArray().Single(f => f.GetProperty("siren").GetString() == tenant.Siren);
        var contacts = fiche.GetProperty("contenu").GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        contacts.ShouldBe(["Camille Publique"]);
        json.GetRawText().ShouldNotContain("Dominique");
        fiche.GetProperty("contenu").GetProperty("panorama").GetProperty("narrative").GetString().ShouldBe("Fiche open data");
    }

    [Theory]
    [InlineData("/donnees-ouvertes/fiches.csv")]
    [InlineData("/donnees-ouvertes/inconnu.csv")]
    [InlineData("/donnees-ouvertes/valeurs.xml")]
    [InlineData("/donnees-ouvertes/..%2F..%2Fetc%2Fpasswd.csv")]
    public async Task UnknownFileOrFormat_NotFound(string path)
    {
        using var response = await site.Factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActionsCsv_ListsThemesAsCodes()
    {
        await GenerateAsync();
        var (_, lines) = await CsvAsync("/donnees-ouvertes/actions.csv");

        lines[0].ShouldBe("siren,code_insee,collectivite,type,titre,themes,annee_debut,annee_fin,montant,annee_montant,description,identifiant,fiche_publiee_le");
        var actionCount = Core.Features.Demo.DemoNetwork.Load().Tenants.Sum(t => t.Content.Actions.Count);
        lines.Count(l => l.Contains("\"ca-la-rochelle\"", StringComparison.Ordinal) || l.Contains("\"est-ensemble\"", StringComparison.Ordinal)
            || l.Contains("\"mulhouse-alsace-agglomeration\"", StringComparison.Ordinal) || l.Contains("\"region-grand-est\"", StringComparison.Ordinal)
            || l.Contains("\"eurometropole-de-strasbourg\"", StringComparison.Ordinal) || l.Contains("\"departement-des-ardennes\"", StringComparison.Ordinal)
            || l.Contains("\"cc-auberive-vingeanne-montsaugeonnais\"", StringComparison.Ordinal)).ShouldBe(actionCount);
    }

    private async Task<(string? ContentType, List<string> Lines)> CsvAsync(string path)
    {
        using var response = await site.Factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });  // UTF-8 without byte order mark
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        text.ShouldEndWith("\r\n");
        return (response.Content.Headers.ContentType?.ToString(), [.. SplitRecords(text)]);
    }

    /// <summary>Splits CSV records on CRLF outside quotes (descriptions may hold line breaks).</summary>
    private static IEnumerable<string> SplitRecords(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                yield return text[start..i];
                start = i + 2;
                i++;
            }
        }
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await site.Factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
