using System.Net;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

public sealed class PublicTenantsApiTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task List_PagesThroughActiveMembersOnly_WithEnvelopeAndLinkHeader()
    {
        var first = await TenantAsync(fixture);
        var second = await TenantAsync(fixture);
        var suspended = await TenantAsync(fixture);
        await SuspendAsync(fixture, suspended);
        var activeCc = await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE kind = 'cc' AND status = 'active'");
        activeCc.ShouldBeGreaterThanOrEqualTo(2);
        using var client = Client(fixture);

        var seen = new List<string>();
        var url = "/api/v1/tenants?kind=cc&pageSize=1";
        var page = 0;
        while (url is not null)
        {
            var (response, json) = await GetJsonAsync(client, url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page++;
            json.GetProperty("page").GetInt32().ShouldBe(page);
            json.GetProperty("pageSize").GetInt32().ShouldBe(1);
            json.GetProperty("totalItems").GetInt32().ShouldBe((int)activeCc);
            json.GetProperty("totalPages").GetInt32().ShouldBe((int)activeCc);
            seen.AddRange(Slugs(json.GetProperty("items")));
            (Link(response, "prev") is not null).ShouldBe(page > 1);
            Link(response, "first").ShouldBe("/api/v1/tenants?kind=cc&page=1&pageSize=1");
            url = Link(response, "next")!;
            page.ShouldBeLessThanOrEqualTo((int)activeCc);
        }

        seen.Count.ShouldBe((int)activeCc);
        seen.ShouldBeUnique();
        seen.ShouldContain(first.Slug);
        seen.ShouldContain(second.Slug);
        seen.ShouldNotContain(suspended.Slug);
    }

    [Fact]
    public async Task List_FiltersByKindRegionAndNameIgnoringCaseAndAccents()
    {
        var tenant = await TenantAsync(fixture);
        using var client = Client(fixture);
        var word = tenant.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var folded = new string(word.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToUpperInvariant();

        var byName = await OkJsonAsync(client, $"/api/v1/tenants?q={Uri.EscapeDataString(folded)}&pageSize=100");
        Slugs(byName.GetProperty("items")).ShouldContain(tenant.Slug);
        byName.GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => Fold(i.GetProperty("name").GetString()!).Contains(Fold(word), StringComparison.Ordinal));

        var byRegion = await OkJsonAsync(client, $"/api/v1/tenants?region={tenant.RegionCode}&pageSize=100");
        Slugs(byRegion.GetProperty("items")).ShouldContain(tenant.Slug);
        byRegion.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("regionCode").GetString() == tenant.RegionCode);

        var otherKind = await OkJsonAsync(client, "/api/v1/tenants?kind=region&pageSize=100");
        Slugs(otherKind.GetProperty("items")).ShouldNotContain(tenant.Slug);
    }

    [Fact]
    public async Task Get_ActiveTenant_GivesItsIdentity_UnknownOrSuspendedGive404Problems()
    {
        var tenant = await TenantAsync(fixture);
        var suspended = await TenantAsync(fixture);
        await SuspendAsync(fixture, suspended);
        using var client = Client(fixture);

        var json = await OkJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}");
        json.GetProperty("slug").GetString().ShouldBe(tenant.Slug);
        json.GetProperty("name").GetString().ShouldBe(tenant.Name);
        json.GetProperty("kind").GetString().ShouldBe("cc");
        json.GetProperty("siren").GetString().ShouldBe(tenant.Siren);
        json.GetProperty("links").GetProperty("self").GetString().ShouldBe($"/api/v1/tenants/{tenant.Slug}");

        foreach (var slug in new[] { "nobody-" + Guid.NewGuid().ToString("N")[..6], suspended.Slug })
        {
            var (response, problem) = await GetJsonAsync(client, $"/api/v1/tenants/{slug}");
            ShouldBeProblem(response, problem, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", "Ressource introuvable");
        }
    }

    [Fact]
    public async Task Fiche_IsTheCurrentPublishedVersion_WithoutDraftsOrContactsWhoDidNotConsent()
    {
        var tenant = await TenantAsync(fixture);
        using var client = Client(fixture);
        var (none, noneJson) = await GetJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}/fiche");
        ShouldBeProblem(none, noneJson, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", "Ressource introuvable");

        await fixture.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("V1-ANCIENNE"));
        var contacts = new[]
        {
            new Contact { Role = ContactRole.Officer, Name = "Camille Publique", Email = "camille@example.org", Consent = ContactConsent.Given },
            new Contact { Role = ContactRole.ElectedRepresentative, Name = "Dominique Discret", Email = "dominique@example.org", Consent = ContactConsent.Unknown },
        };
        await fixture.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("V2-PUBLIEE") with { Contacts = contacts });
        // A later draft is never public.
        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            var draft = await db.FicheDrafts.FindAsync(tenant.Id);
            draft!.Content = FicheSamples.WithMarker("BROUILLON-SECRET");
            draft.Revision++;
            await db.SaveChangesAsync();
        });

        var (response, json) = await GetJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}/fiche");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = json.GetRawText();
        json.GetProperty("version").GetInt32().ShouldBe(2);
        json.GetProperty("content").GetProperty("panorama").GetProperty("narrative").GetString().ShouldBe("Fiche V2-PUBLIEE");
        json.GetProperty("content").GetProperty("panorama").GetProperty("figures")[0].GetProperty("unit").GetString().ShouldBe("Persons");
        json.GetProperty("themes").EnumerateArray().Select(t => t.GetString()).ShouldBe(["iae", "tiers-lieux"], ignoreOrder: true);
        body.ShouldContain("Camille Publique");
        body.ShouldNotContain("Dominique Discret");
        body.ShouldNotContain("dominique@example.org");
        body.ShouldNotContain("BROUILLON-SECRET");
        body.ShouldNotContain("V1-ANCIENNE");

        var current = await OkJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}/fiche/versions/2");
        current.GetProperty("content").GetProperty("panorama").GetProperty("narrative").GetString().ShouldBe("Fiche V2-PUBLIEE");

        // Earlier versions are the tenant's history, not public (a contact may have withdrawn consent since).
        var (old, oldJson) = await GetJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}/fiche/versions/1");
        ShouldBeProblem(old, oldJson, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", "Ressource introuvable");
        oldJson.GetRawText().ShouldNotContain("V1-ANCIENNE");

        var (bad, badJson) = await GetJsonAsync(client, $"/api/v1/tenants/{tenant.Slug}/fiche/versions/abc");
        ShouldBeProblem(bad, badJson, HttpStatusCode.BadRequest, "urn:rtes:problem:validation", "Paramètres non valides");
        badJson.GetProperty("errors").GetProperty("number").GetArrayLength().ShouldBe(1);
    }

    private static string Fold(string text) => new string(text.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
        .ToArray()).ToUpperInvariant();
}
