using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Api;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// One stored text, three writers, one rule: a contact name of 64 012 characters (what the probe
/// stored through the importer) is refused by the contacts page, the officers' API and the legacy
/// importer, each time with a French message naming the field, and nothing is stored.
/// </summary>
public sealed class TextLimitsTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const int ProbeLength = 64_012;
    private static readonly string _longName = "Marie-" + new string('x', ProbeLength - 6);

    [Fact]
    public async Task ContactsPage_RefusesALongName_NextToTheField_AndKeepsEverythingTyped()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (member, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Editor);
        using var session = member;
        var (_, form) = await Forms.GetAsync(member.Http, $"/espace/{tenant.Slug}/contacts");
        (_, form) = await Forms.SubmitAsync(member.Http, form, form.Button("Ajouter un contact"));

        var (status, page) = await Forms.SubmitAsync(member.Http, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Contacts[0].Name"] = _longName,
            ["Contacts[0].Title"] = "Chargée de mission ESS",
            ["Contacts[0].Email"] = "pas-une-adresse",
        });

        status.ShouldBe(200);
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("n’a pas été enregistré");
        page.Value("Contacts[0].Name").Length.ShouldBe(ProbeLength);
        page.Value("Contacts[0].Title").ShouldBe("Chargée de mission ESS");
        page.Value("Contacts[0].Email").ShouldBe("pas-une-adresse");
        Normalized(page.QuerySelector("#Contacts_0__Name-error")!.Text()).ShouldContain("Le nom ne doit pas dépasser 200 caractères (actuellement 64 012)");
        page.QuerySelector("#Contacts_0__Name")!.GetAttribute("aria-invalid").ShouldBe("true");
        // The rules' other messages come at the same time.
        page.QuerySelector("#Contacts_0__Email-error")!.Text().ShouldContain("adresse électronique valide");
        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task OfficersApi_RefusesALongName_AsProblemDetailsKeyedByJsonPath()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var session = admin;
        using var api = ApiTokenSite.BearerClient(fixture, await ApiTokenSite.CreateTokenAsync(admin, tenant, "Limites"));

        using var response = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/draft/sections/contacts",
            $$"""[{"role": "Officer", "name": "{{_longName}}", "consent": "Given"}, {"role": "Officer", "name": "Léa Dupont", "phone": "06 ab"}]""", "\"0\"");

        var errors = (await ApiTokenSite.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Normalized(errors.GetProperty("$[0].name")[0].GetString()!).ShouldBe("Le nom ne doit pas dépasser 200 caractères (actuellement 64 012).");
        errors.GetProperty("$[1].phone")[0].GetString()!.ShouldContain("numéro de téléphone");
        errors.EnumerateObject().Count().ShouldBe(2);
        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(0);

        // The limit is the same on the API as on the page: 200 characters pass.
        using var atLimit = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/draft/sections/contacts",
            $$"""[{"role": "Officer", "name": "{{new string('é', FicheLimits.ContactName)}}"}]""", "\"0\"");
        atLimit.StatusCode.ShouldBe(HttpStatusCode.OK, await atLimit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Importer_RefusesTheFiche_NamingTheFicheTheLineAndTheField()
    {
        var text = $"""
            Conseil départemental de la Meuse

            Année d'adhésion au RTES: 2018

            Type de collectivité
            Département

            Contact public

            Élue représentante : {_longName}
            """;
        await using var scope = fixture.Database.Services.CreateAsyncScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var report = await scope.ServiceProvider.GetRequiredService<LegacyImporter>()
            .ImportAsync(stream, "fiche-longue.txt", dryRun: false, collectivity: null, progress: null, CancellationToken.None);

        var fiche = report.Fiches.ShouldHaveSingleItem();
        fiche.Outcome.ShouldBe(LegacyImportOutcome.RefusedByRules);
        fiche.Imported.ShouldBeFalse();
        report.ExitCode.ShouldBe(1);
        Normalized(fiche.Notes.ShouldHaveSingleItem()).ShouldBe(
            "Fiche « Conseil départemental de la Meuse » (ligne 10), contact 1 : Le nom ne doit pas dépasser 200 caractères (actuellement 64 012).");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE name ILIKE '%Meuse%'")).ShouldBe(0);
    }

    /// <summary>fr-FR separates thousands with a narrow no-break space.</summary>
    private static string Normalized(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}
