using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>The officers' writes under /api/v1/workspace/{slug}, with a personal token created on the token page.</summary>
public sealed class OfficerApiTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Sources = """[{"key": "insee", "title": "INSEE Flores", "year": 2023, "url": "https://www.insee.fr/"}]""";

    [Fact]
    public async Task TokenFromThePage_SavesSectionsAndPublishes_ThePublicFicheShowsIt()
    {
        var (tenant, api, adminUser) = await WorkspaceAsync();
        var workspace = $"/api/v1/workspace/{tenant.Slug}";
        var marker = "Marqueur-" + Guid.NewGuid().ToString("N")[..8];

        using var draft = await api.GetAsync(new Uri($"{workspace}/draft", UriKind.Relative));
        draft.StatusCode.ShouldBe(HttpStatusCode.OK);
        draft.Headers.CacheControl!.NoStore.ShouldBeTrue();
        draft.Headers.ETag!.Tag.ShouldBe("\"0\"");
        (await ApiTokenSite.JsonAsync(draft)).GetProperty("revision").GetInt32().ShouldBe(0);

        using var sources = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/sources", Sources, "\"0\"");
        sources.StatusCode.ShouldBe(HttpStatusCode.OK, await sources.Content.ReadAsStringAsync());
        sources.Headers.ETag!.Tag.ShouldBe("\"1\"");
        using var panorama = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/panorama",
            $$"""{"narrative": "Fiche {{marker}}", "figures": [{"label": "Salariés de l'ESS", "value": 1234.5, "unit": "Persons", "year": 2023, "sourceKey": "insee"}]}""",
            sources.Headers.ETag.Tag);
        panorama.StatusCode.ShouldBe(HttpStatusCode.OK, await panorama.Content.ReadAsStringAsync());
        (await ApiTokenSite.JsonAsync(panorama)).GetProperty("revision").GetInt32().ShouldBe(2);

        using var publish = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"{workspace}/publications", null);
        publish.StatusCode.ShouldBe(HttpStatusCode.Created, await publish.Content.ReadAsStringAsync());
        (await ApiTokenSite.JsonAsync(publish)).GetProperty("number").GetInt32().ShouldBe(1);

        using var versions = await api.GetAsync(new Uri($"{workspace}/publications", UriKind.Relative));
        versions.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var list = (await ApiTokenSite.JsonAsync(versions)).EnumerateArray().ToList();
        list.ShouldHaveSingleItem().GetProperty("current").GetBoolean().ShouldBeTrue();

        using var reread = await api.GetAsync(new Uri($"{workspace}/draft", UriKind.Relative));
        var content = (await ApiTokenSite.JsonAsync(reread)).GetProperty("content");
        content.GetProperty("panorama").GetProperty("figures")[0].GetProperty("value").GetDecimal().ShouldBe(1234.5m);
        content.GetProperty("sources")[0].GetProperty("key").GetString().ShouldBe("insee");

        using var visitor = ApiTokenSite.BearerClient(fixture, null);
        var fiche = await visitor.GetStringAsync(new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative));
        fiche.ShouldContain(marker);
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM audit_events WHERE tenant_id = @t AND action = @a AND user_id = @u",
            ("t", tenant.Id), ("a", AuditActions.DraftSaved), ("u", adminUser.Id.ToString()))).ShouldBe(2);
        (await ApiTokenSite.AuditCountAsync(fixture, tenant, AuditActions.FichePublished)).ShouldBe(1);
        (await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT published_by FROM fiche_versions WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe($"{adminUser.Email} (jeton d’API « Tests de l'API »)");
    }

    [Fact]
    public async Task SaveSection_WithoutIfMatch_Gets428_WithAStaleOne_Gets412_AndNothingIsSaved()
    {
        var (tenant, api, _) = await WorkspaceAsync();
        var url = $"/api/v1/workspace/{tenant.Slug}/draft/sections/programme";
        const string Body = """{"strategyTitle": "Plan ESS", "periodStart": 2024, "periodEnd": 2026}""";

        using var missing = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, Body);
        (await ApiTokenSite.ProblemAsync(missing, HttpStatusCode.PreconditionRequired)).GetProperty("detail").GetString()!.ShouldContain("If-Match");

        using var first = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, Body, "\"0\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        // A second writer who also read revision 0 is refused rather than overwriting the first.
        using var second = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, """{"strategyTitle": "Autre plan"}""", "\"0\"");
        await ApiTokenSite.ProblemAsync(second, HttpStatusCode.PreconditionFailed);
        second.Headers.ETag!.Tag.ShouldBe("\"1\"");
        using var garbage = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, """{"strategyTitle": "Autre plan"}""", "pas-un-etag");
        await ApiTokenSite.ProblemAsync(garbage, HttpStatusCode.PreconditionFailed);
        using var stalePublish = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"/api/v1/workspace/{tenant.Slug}/publications", null, "\"0\"");
        await ApiTokenSite.ProblemAsync(stalePublish, HttpStatusCode.PreconditionFailed);

        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(1);
        (await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT content -> 'programme' ->> 'strategyTitle' FROM fiche_drafts WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe("Plan ESS");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData("panorama", "{pas du json")]
    [InlineData("panorama", """{"narrative": 12}""")]
    [InlineData("panorama", """{"figures": [{"label": "Sans valeur"}]}""")]
    [InlineData("panorama", """{"figures": [{"label": "x", "value": "beaucoup", "unit": "Count", "year": 2023}]}""")]
    [InlineData("panorama", """{"figures": [{"label": "x", "value": 1, "unit": "Litres", "year": 2023}]}""")]
    [InlineData("budget", """{"lines": [null]}""")]
    [InlineData("actions", """{"title": "Un objet, pas une liste"}""")]
    [InlineData("actions", """[null]""")]
    [InlineData("contacts", """[{"role": "Officer"}]""")]
    [InlineData("sources", "null")]
    public async Task SaveSection_UnreadableBody_Gets400ValidationProblem_NotA500(string section, string body)
    {
        var (tenant, api, _) = await WorkspaceAsync();

        using var response = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/draft/sections/{section}", body, "\"0\"");

        var problem = await ApiTokenSite.ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task SaveSection_WrongContentTypeOrUnknownSection_IsRefusedWithProblemDetails()
    {
        var (tenant, api, _) = await WorkspaceAsync();
        using var text = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/workspace/{tenant.Slug}/draft/sections/programme", UriKind.Relative))
        {
            Content = new StringContent("""{"narrative": "x"}""", System.Text.Encoding.UTF8, "text/plain"),
        };
        text.Headers.TryAddWithoutValidation("If-Match", "\"0\"");

        using var wrongType = await api.SendAsync(text);
        using var unknown = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/draft/sections/identite", "{}", "\"0\"");

        await ApiTokenSite.ProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType);
        await ApiTokenSite.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveSection_BreakingTheRulesOfItsPage_Gets400WithTheSameFrenchMessages()
    {
        var (tenant, api, _) = await WorkspaceAsync();
        var workspace = $"/api/v1/workspace/{tenant.Slug}";

        using var panorama = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/panorama",
            """{"figures": [{"label": "Ancien", "value": 5, "unit": "Count", "year": 1800, "sourceKey": "inconnue"}]}""", "\"0\"");
        var errors = (await ApiTokenSite.ProblemAsync(panorama, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.GetProperty("$.figures[0].year")[0].GetString()!.ShouldStartWith("L’année doit être comprise entre 1990 et");
        errors.GetProperty("$.figures[0].sourceKey")[0].GetString()!.ShouldContain("Choisissez une source parmi celles de la fiche");

        using var contacts = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/contacts",
            """[{"role": "Officer", "name": "Camille Martin", "email": "pas-une-adresse"}]""", "\"0\"");
        (await ApiTokenSite.ProblemAsync(contacts, HttpStatusCode.BadRequest)).GetProperty("errors")
            .GetProperty("$[0].email")[0].GetString()!.ShouldContain("adresse électronique valide");

        using var saved = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/sources", Sources, "\"0\"");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var cited = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/budget",
            """{"lines": [{"label": "Subventions", "amount": 1000, "year": 2024, "nature": "FondsSubventions", "sourceKey": "insee"}]}""", "\"1\"");
        cited.StatusCode.ShouldBe(HttpStatusCode.OK, await cited.Content.ReadAsStringAsync());
        using var removeCited = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{workspace}/draft/sections/sources", "[]", "\"2\"");
        (await ApiTokenSite.ProblemAsync(removeCited, HttpStatusCode.BadRequest)).GetProperty("errors")
            .GetProperty("$")[0].GetString()!.ShouldContain("insee");

        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(2);
    }

    [Fact]
    public async Task IndicatorValues_PutAndDelete_FollowTheRulesOfTheFiguresPage()
    {
        var (tenant, api, _) = await WorkspaceAsync();
        var code = await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT code FROM indicators WHERE unit = 'Percent' ORDER BY derived_from NULLS FIRST, code LIMIT 1");
        var url = $"/api/v1/workspace/{tenant.Slug}/indicators/{code}/values/2024";

        using var tooMuch = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, """{"value": 120, "sourceTitle": "Enquête"}""");
        (await ApiTokenSite.ProblemAsync(tooMuch, HttpStatusCode.BadRequest)).GetProperty("errors")
            .GetProperty("$.value")[0].GetString().ShouldBe("Un pourcentage est compris entre 0 et 100.");
        using var noSource = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, """{"value": 12}""");
        (await ApiTokenSite.ProblemAsync(noSource, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.sourceTitle", out _).ShouldBeTrue();
        using var wrongType = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url, """{"value": "douze", "sourceTitle": "Enquête"}""");
        await ApiTokenSite.ProblemAsync(wrongType, HttpStatusCode.BadRequest);
        using var unknown = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/indicators/inconnu/values/2024",
            """{"value": 1, "sourceTitle": "Enquête"}""");
        (await ApiTokenSite.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("$.indicatorCode", out _).ShouldBeTrue();

        using var saved = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, url,
            """{"value": 12.5, "sourceTitle": "Enquête annuelle", "sourceUrl": "https://example.org/enquete", "visibility": "Network"}""");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var body = await ApiTokenSite.JsonAsync(saved);
        body.GetProperty("value").GetDecimal().ShouldBe(12.5m);
        body.GetProperty("visibility").GetString().ShouldBe("Network");
        (await fixture.Database.QueryAsAdminAsync<decimal>(
            "SELECT value FROM indicator_values WHERE tenant_id = @t AND indicator_code = @c AND year = 2024", ("t", tenant.Id), ("c", code))).ShouldBe(12.5m);

        using var deleted = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Delete, url, null);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var again = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Delete, url, null);
        await ApiTokenSite.ProblemAsync(again, HttpStatusCode.NotFound);
        (await ApiTokenSite.AuditCountAsync(fixture, tenant, AuditActions.IndicatorValueSaved)).ShouldBe(1);
        (await ApiTokenSite.AuditCountAsync(fixture, tenant, AuditActions.IndicatorValueDeleted)).ShouldBe(1);
    }

    [Fact]
    public async Task PublishingAnEmptyDraft_Gets409_AndPublishesNothing()
    {
        var (tenant, api, _) = await WorkspaceAsync();

        using var response = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"/api/v1/workspace/{tenant.Slug}/publications", null);

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.Conflict);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task PublishingADraftEqualToThePublishedVersion_Gets409_AndPublishesNothing()
    {
        var (tenant, api, _) = await WorkspaceAsync();
        using var panorama = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"/api/v1/workspace/{tenant.Slug}/draft/sections/panorama",
            """{"narrative": "Une seule version."}""", "\"0\"");
        panorama.StatusCode.ShouldBe(HttpStatusCode.OK, await panorama.Content.ReadAsStringAsync());
        using var first = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"/api/v1/workspace/{tenant.Slug}/publications", null);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());

        using var second = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"/api/v1/workspace/{tenant.Slug}/publications", null);

        var problem = await ApiTokenSite.ProblemAsync(second, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("identique à la version publiée");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(1);
    }

    /// <summary>A new tenant and a client carrying a token its admin created on the token page.</summary>
    private async Task<(Core.Features.Tenants.Tenant Tenant, HttpClient Api, RtesUser Admin)> WorkspaceAsync()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        var secret = await ApiTokenSite.CreateTokenAsync(admin, tenant, "Tests de l'API");
        return (tenant, ApiTokenSite.BearerClient(fixture, secret), adminUser);
    }
}
