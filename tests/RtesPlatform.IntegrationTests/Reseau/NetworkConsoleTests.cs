using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Reseau;

/// <summary>The network console, used by a network admin signed in with two factors.</summary>
public sealed class NetworkConsoleTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Console-RTES-2026!";

    private Task<AccountClient> SignInNetworkAdminAsync() => fixture.SignedInNetworkAdminAsync();

    [Fact]
    public async Task CreateTenantFromSiren_FillsIdentityFromReferenceData_AndListsIt()
    {
        using var admin = await SignInNetworkAdminAsync();

        using var created = await admin.SubmitAsync("/reseau/collectivites/nouvelle?q=200067213",
            new Dictionary<string, string> { ["Input.MembershipYear"] = "2019" }, ".official-record form");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, invite) = await admin.GetAsync(created.Headers.Location!.OriginalString);
        invite.QuerySelector("[role=status]")!.Text().ShouldContain("CU du Grand Reims a été ajoutée (population officielle 302 446 en 2026)");
        var (_, console) = await admin.GetAsync("/reseau");
        console.QuerySelectorAll("tbody th").Select(t => t.Text()).ShouldContain("CU du Grand Reims");
        (await fixture.Database.QueryAsAdminAsync<int>("SELECT membership_year FROM tenants WHERE siren = '200067213'")).ShouldBe(2019);
    }

    [Fact]
    public async Task CreateTenant_BadYear_ShowsFrenchErrorNextToTheField_KeepingWhatWasTyped_AndCreatesNothing()
    {
        using var admin = await SignInNetworkAdminAsync();

        using var response = await admin.SubmitAsync("/reseau/collectivites/nouvelle?q=241700434",
            new Dictionary<string, string> { ["Input.MembershipYear"] = "deux mille" }, ".official-record form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#year-error")!.Text().ShouldContain("L'année d'adhésion doit être une année");
        page.QuerySelector<IHtmlInputElement>("#year")!.Value.ShouldBe("deux mille");
        page.QuerySelector("#fiche-officielle")!.Text().ShouldContain("La Rochelle");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE siren = '241700434'")).ShouldBe(0);
    }

    [Theory]
    [InlineData("123456789", "n’est pas un numéro SIREN correct")]
    [InlineData("", "Saisissez le nom de la collectivité")]
    [InlineData("region:99", "Aucune collectivité du référentiel officiel 2026 ne porte le code")]
    [InlineData("commune:abc", "Aucune collectivité du référentiel officiel 2026 ne porte le code")]
    public async Task FindTenant_BadIdentifier_ShowsFrenchErrorNextToTheField_KeepingWhatWasTyped(string identifier, string message)
    {
        using var admin = await SignInNetworkAdminAsync();

        var (status, page) = await admin.GetAsync($"/reseau/collectivites/nouvelle?q={Uri.EscapeDataString(identifier)}");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#q-error")!.Text().ShouldContain(message);
        page.QuerySelector<IHtmlInputElement>("#q")!.Value.ShouldBe(identifier);
    }

    [Fact]
    public async Task SuspendThenReactivate_HidesThenShowsThePublicFiche()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        using var admin = await SignInNetworkAdminAsync();
        using var visitor = fixture.CreateClient();
        (await visitor.GetAsync($"/collectivites/{tenant.Slug}")).Status.ShouldBe(HttpStatusCode.OK);

        var (_, console) = await admin.GetAsync("/reseau");
        using var suspended = await admin.SubmitAsync("/reseau", console, new Dictionary<string, string>(), $"form[action*='{tenant.Id}']");

        suspended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await visitor.GetAsync($"/collectivites/{tenant.Slug}")).Status.ShouldBe(HttpStatusCode.NotFound);

        (_, console) = await admin.GetAsync("/reseau");
        using var reactivated = await admin.SubmitAsync("/reseau", console, new Dictionary<string, string>(), $"form[action*='{tenant.Id}']");
        (await visitor.GetAsync($"/collectivites/{tenant.Slug}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UploadLegacyFile_DryRunThenImport_ShowsTheReportAndCreatesDrafts()
    {
        using var admin = await SignInNetworkAdminAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", "rtes-fiches-grand-est.txt"));

        var dryRun = await UploadAsync(admin, bytes, dryRun: true);
        dryRun.QuerySelector("#rapport")!.Text().ShouldContain("essai à blanc");
        dryRun.QuerySelector("[role=status]")!.Text().ShouldBe("5 fiche(s) importée(s) sur 5.");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE siren = '200066009'")).ShouldBe(0);

        var imported = await UploadAsync(admin, bytes, dryRun: false);
        var rows = imported.QuerySelectorAll("table.data-table tbody tr").Select(r => r.Text()).ToList();
        rows.ShouldContain(r => r.Contains("SIREN 200066009", StringComparison.Ordinal) && r.Contains("brouillon créé", StringComparison.Ordinal));
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM fiche_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.siren = '200066009'")).ShouldBe(1);
    }

    [Fact]
    public async Task UploadBinaryFile_ShowsAFrenchErrorAndWritesNothing()
    {
        using var admin = await SignInNetworkAdminAsync();
        var before = await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants");

        var page = await UploadAsync(admin, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00], dryRun: false);

        page.QuerySelector("#rapport ~ [role=alert], [role=alert]")!.Text().ShouldNotBeNullOrWhiteSpace();
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(before);
    }

    private static async Task<IDocument> UploadAsync(AccountClient client, byte[] bytes, bool dryRun)
    {
        var (_, form) = await client.GetAsync("/reseau/import");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "Upload", "fiches.txt");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent(dryRun ? "true" : "false"), "DryRun");
        using var response = await client.Http.PostAsync(new Uri("/reseau/import", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The import runs in the background; its page shows the report once it is finished.
        var run = response.Headers.Location!.OriginalString;
        return await LegacyImport.ImportPagesTests.WaitForReportAsync(client, run);
    }
}
