using System.Net;
using AngleSharp.Dom;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Indicators;

/// <summary>The indicator catalogue in the network console (<c>/reseau/indicateurs</c>).</summary>
public sealed class IndicatorCataloguePageTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Catalogue-RTES-2026!";
    private const string Url = "/reseau/indicateurs";

    [Fact]
    public async Task NetworkAdmin_CreatesAnIndicator_ProvidedByPanoramaFigures_ThenEditsItButNotItsCode()
    {
        using var admin = await SignInNetworkAdminAsync();
        var code = "benevoles_" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.SubmitAsync($"{Url}?handler=Create", await FormAsync(admin, Url), Values(code, "Bénévoles des associations"), "form.section-form");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, list) = await admin.GetAsync(Url);
        list.QuerySelector("[role=status]")!.Text().ShouldContain("« Bénévoles des associations » a été ajouté au catalogue");
        var row = list.QuerySelector($"#indicateur-{code}").ShouldNotBeNull();
        IndicatorValuePageTests.Normalize(row.Text()).ShouldContain("pour 10 000 habitants");
        row.Text().ShouldContain("Panorama (chiffres clés)");
        (await Column(code, "derived_from || '/' || unit || '/' || category || '/' || per_capita_base || '/' || default_visibility"))
            .ShouldBe("figure/Persons/tissu/10000/network");

        var (_, edit) = await admin.GetAsync($"{Url}?modifier={code}");
        edit.QuerySelector("input[name='Form.Code']")!.GetAttribute("type").ShouldBe("hidden");
        var changed = Values(code, "Bénévoles réguliers");
        changed["Form.Definition"] = "Bénévoles réguliers des associations du territoire.";
        changed["Form.PerCapitaBase"] = "";
        changed["Form.SortOrder"] = "5";
        using var updated = await admin.SubmitAsync($"{Url}?handler=Update", edit, changed, "form.section-form");

        updated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Column(code, "label_fr || '/' || definition || '/' || coalesce(per_capita_base::text, 'non') || '/' || sort_order"))
            .ShouldBe("Bénévoles réguliers/Bénévoles réguliers des associations du territoire./non/5");
    }

    [Theory]
    [InlineData("ess_employees", "déjà celui d’un indicateur du catalogue")]
    [InlineData("Bénévoles", "commence par une lettre minuscule")]
    [InlineData("1abc", "commence par une lettre minuscule")]
    [InlineData("x", "commence par une lettre minuscule")]
    public async Task DuplicateOrInvalidCode_IsRefusedWithAFrenchMessage_KeepingWhatWasTyped(string code, string message)
    {
        using var admin = await SignInNetworkAdminAsync();
        var before = await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicators");

        using var response = await admin.SubmitAsync($"{Url}?handler=Create", await FormAsync(admin, Url), Values(code, "Libellé gardé"), "form.section-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#Form_Code-error")!.Text().ShouldContain(message);
        page.QuerySelector("#Form_Code")!.GetAttribute("value").ShouldBe(code);
        page.QuerySelector("#Form_LabelFr")!.GetAttribute("value").ShouldBe("Libellé gardé");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicators")).ShouldBe(before);
    }

    [Fact]
    public async Task MissingLabelsOrDefinition_AreRefused_AndAPercentageIsNotDividedByPopulation()
    {
        using var admin = await SignInNetworkAdminAsync();
        var code = "part_" + Guid.NewGuid().ToString("N")[..8];
        var values = Values(code, "");
        values["Form.LabelEn"] = "";
        values["Form.Definition"] = "";

        using var response = await admin.SubmitAsync($"{Url}?handler=Create", await FormAsync(admin, Url), values, "form.section-form");
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#Form_LabelFr-error")!.Text().ShouldContain("Indiquez le libellé en français");
        page.QuerySelector("#Form_LabelEn-error")!.Text().ShouldContain("Indiquez le libellé en anglais");
        page.QuerySelector("#Form_Definition-error")!.Text().ShouldContain("Indiquez la définition");

        values = Values(code, "Part des femmes dirigeantes");
        values["Form.Unit"] = "Percent";
        using var percent = await admin.SubmitAsync($"{Url}?handler=Create", await FormAsync(admin, Url), values, "form.section-form");
        (await AccountClient.ParseAsync(percent)).QuerySelector("#Form_PerCapitaBase-error")!.Text().ShouldContain("ne se divise pas par la population");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicators WHERE code = @c", ("c", code))).ShouldBe(0);
    }

    [Fact]
    public async Task UnitOfAnIndicatorWithValues_CannotChange()
    {
        using var admin = await SignInNetworkAdminAsync();
        var tenant = await fixture.Database.CreateTenantAsync(Infrastructure.TestSirens.Next());
        var code = "unite_" + Guid.NewGuid().ToString("N")[..8];
        using (await admin.SubmitAsync($"{Url}?handler=Create", await FormAsync(admin, Url), Values(code, "Indicateur à valeurs"), "form.section-form"))
        {
        }

        await fixture.Database.ExecuteAsAdminAsync("""
            INSERT INTO indicator_values (tenant_id, indicator_code, year, value, visibility, origin, source_title, updated_at)
            VALUES (@t, @c, 2024, 3, 'private', 'manual', 'Source', now())
            """, ("t", tenant.Id), ("c", code));
        var (_, edit) = await admin.GetAsync($"{Url}?modifier={code}");
        edit.QuerySelector("select[name='Form.Unit']").ShouldBeNull();
        var changed = Values(code, "Indicateur à valeurs");
        changed["Form.Unit"] = "Euros";

        using var response = await admin.SubmitAsync($"{Url}?handler=Update", edit, changed, "form.section-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#Form_Unit-error")!.Text().ShouldContain("son unité ne peut plus changer");
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("n’a pas été enregistré");
        (await Column(code, "unit")).ShouldBe("Persons");
    }

    [Fact]
    public async Task NonAdmins_AreRefused_AndNothingIsCreated()
    {
        var email = AccountsFixture.UniqueEmail("membre");
        await fixture.CreateUserAsync(email, Password);
        using var member = fixture.CreateClient();
        using (await member.SignInAsync(email, Password))
        {
        }

        using var anonymous = fixture.CreateClient();
        var code = "refuse_" + Guid.NewGuid().ToString("N")[..8];

        var (memberStatus, _) = await member.GetAsync(Url);
        var (anonymousStatus, _) = await anonymous.GetAsync(Url);
        using var post = await member.Http.PostAsync(new Uri($"{Url}?handler=Create", UriKind.Relative),
            new FormUrlEncodedContent(Values(code, "Refusé")));

        memberStatus.ShouldBe(HttpStatusCode.Forbidden);
        anonymousStatus.ShouldBe(HttpStatusCode.Redirect);
        ((int)post.StatusCode).ShouldBeOneOf(400, 403);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicators WHERE code = @c", ("c", code))).ShouldBe(0);
    }

    private static Dictionary<string, string> Values(string code, string label) => new()
    {
        ["Form.Code"] = code,
        ["Form.LabelFr"] = label,
        ["Form.LabelEn"] = "Association volunteers",
        ["Form.Unit"] = "Persons",
        ["Form.Definition"] = "Bénévoles des associations du territoire (enquête annuelle).",
        ["Form.Category"] = "Tissu",
        ["Form.PerCapitaBase"] = "10000",
        ["Form.DefaultVisibility"] = "Network",
        ["Form.SortOrder"] = "",
    };

    private static async Task<IDocument> FormAsync(AccountClient client, string url)
    {
        var (status, page) = await client.GetAsync(url);
        status.ShouldBe(HttpStatusCode.OK);
        return page;
    }

    private Task<string> Column(string code, string expression) =>
        fixture.Database.QueryAsAdminAsync<string>($"SELECT {expression} FROM indicators WHERE code = @c", ("c", code));

    private Task<AccountClient> SignInNetworkAdminAsync() => fixture.SignedInNetworkAdminAsync();
}
