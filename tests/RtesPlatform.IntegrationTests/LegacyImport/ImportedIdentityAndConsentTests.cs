using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.LegacyImport;

/// <summary>
/// What an import stores on the tenant (address, membership year) and what it must not publish
/// (contacts whose consent is not known), through the public API over real HTTP.
/// </summary>
public sealed class ImportedIdentityAndConsentTests : IAsyncLifetime
{
    private const string Auberive = "200027308";
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private async Task<LegacyImportReport> ImportAsync()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", "rtes-fiches-grand-est.txt"));
        await using var scope = _database.Services.CreateAsyncScope();
        using var stream = new MemoryStream(bytes);
        return await scope.ServiceProvider.GetRequiredService<LegacyImporter>().ImportAsync(stream, "fiches.txt", false, null, null, CancellationToken.None);
    }

    [Fact]
    public async Task Import_StoresTheAddressAndMembershipYear_AndTheFicheShowsTheAddress()
    {
        var report = await ImportAsync();

        report.Fiches.Single(f => f.OfficialIdentifier == "SIREN " + Auberive).Notes.ShouldContain("Adresse enregistrée : « 17 chemin des Brosses, 52190 Prauthoy, France ».");
        (await _database.QueryAsAdminAsync<string>($"SELECT address FROM tenants WHERE siren = '{Auberive}'")).ShouldBe("17 chemin des Brosses\n52190 Prauthoy\nFrance");
        (await _database.QueryAsAdminAsync<string>($"SELECT address_set_by FROM tenants WHERE siren = '{Auberive}'")).ShouldBe("import:fiches.txt");
        (await _database.QueryAsAdminAsync<int>($"SELECT membership_year FROM tenants WHERE siren = '{Auberive}'")).ShouldBe(2016);

        var tenant = await TenantAsync();
        await _database.SaveAndPublishAsync(tenant, await DraftAsync(tenant.Id));
        await using var factory = new RtesWebFactory(_database);
        var page = await factory.CreateClient().GetStringAsync(new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative));
        page.ShouldContain("<span>17 chemin des Brosses</span>");
        page.ShouldContain("<span>52190 Prauthoy</span>");
    }

    [Fact]
    public async Task AddressWrittenByAPerson_IsKept_AndTheFichesAddressIsReportedAsADifference()
    {
        await ImportAsync();
        await _database.ExecuteAsAdminAsync($"UPDATE tenants SET address = 'Mairie, 1 place de la République', address_set_by = 'camille@example.org' WHERE siren = '{Auberive}'");

        var again = await ImportAsync();

        (await _database.QueryAsAdminAsync<string>($"SELECT address FROM tenants WHERE siren = '{Auberive}'")).ShouldBe("Mairie, 1 place de la République");
        again.Fiches.Single(f => f.OfficialIdentifier == "SIREN " + Auberive).Notes.ShouldContain(n =>
            n.Contains("différente de l'adresse enregistrée", StringComparison.Ordinal) && n.Contains("17 chemin des Brosses, 52190 Prauthoy, France", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportedContacts_AreToConfirm_AndStayOffThePublicFicheAndApiUntilAnOfficerConfirms()
    {
        await ImportAsync();
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts d, jsonb_array_elements(d.content -> 'contacts') c")).ShouldBeGreaterThan(0);
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts d, jsonb_array_elements(d.content -> 'contacts') c WHERE c ->> 'consent' IS DISTINCT FROM 'Unknown'")).ShouldBe(0);

        var tenant = await TenantAsync();
        var draft = await DraftAsync(tenant.Id);
        draft.Contacts.Select(c => c.Name).ShouldContain("Patricia Andriot");
        await _database.SaveAndPublishAsync(tenant, draft);
        await using var factory = new RtesWebFactory(_database);
        var client = factory.CreateClient();

        var api = await client.GetStringAsync(new Uri($"/api/v1/tenants/{tenant.Slug}/fiche", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative));
        api.ShouldNotContain("Patricia Andriot");
        page.ShouldNotContain("Patricia Andriot");

        // The officer records the consent and publishes: now the contact is public.
        await _database.SaveAndPublishAsync(tenant, draft with { Contacts = [.. draft.Contacts.Select(c => c with { Consent = ContactConsent.Given })] });
        api = await client.GetStringAsync(new Uri($"/api/v1/tenants/{tenant.Slug}/fiche", UriKind.Relative));
        JsonDocument.Parse(api).RootElement.GetProperty("content").GetProperty("contacts")[0].GetProperty("name").GetString().ShouldBe("Patricia Andriot");
    }

    private async Task<RtesPlatform.Core.Features.Tenants.Tenant> TenantAsync()
    {
        RtesPlatform.Core.Features.Tenants.Tenant? tenant = null;
        await _database.RunWithoutTenantAsync(async db => tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Siren == Auberive));
        return tenant!;
    }

    private async Task<FicheContent> DraftAsync(Guid tenantId) =>
        FicheJson.Deserialize(await _database.QueryAsAdminAsync<string>($"SELECT content::text FROM fiche_drafts WHERE tenant_id = '{tenantId}'"));
}
