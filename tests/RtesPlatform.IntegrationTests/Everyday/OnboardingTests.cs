using System.Net;
using AngleSharp.Dom;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Everyday;

/// <summary>Issue 15, item 7: adding a collectivity by name or by code, seeing its official record, confirming.</summary>
public sealed class OnboardingTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Page = "/reseau/collectivites/nouvelle";

    [Fact]
    public async Task ByName_AccentsAndCaseIgnored_ListsCandidatesWithKindDepartementAndPopulation_ThenConfirms()
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();

        // One match: its official record at once.
        var (status, single) = await admin.GetAsync($"{Page}?q={Uri.EscapeDataString("eurometropole de STRASBOURG")}");
        status.ShouldBe(HttpStatusCode.OK);
        single.QuerySelector("#fiche-officielle")!.Text().ShouldBe("Fiche officielle : Eurométropole de Strasbourg");
        Fact(single, "Population").ShouldBe("522 670 habitants (2026)");

        var (_, results) = await admin.GetAsync($"{Page}?q=STRASBOURG");
        var row = results.QuerySelectorAll(".reference-results tbody tr")[0];
        row.QuerySelector("th")!.Text().ShouldBe("Eurométropole de Strasbourg");
        row.QuerySelectorAll("td").Select(c => c.Text()).Take(3).ShouldBe(["Métropole", "Bas-Rhin", "522 670"]);
        results.QuerySelectorAll(".reference-results tbody th").Select(t => t.Text()).ShouldContain("Strasbourg");

        // Several matches: a results list (links, no script), groupings before communes.
        var (_, several) = await admin.GetAsync($"{Page}?q=rennes");
        var names = several.QuerySelectorAll(".reference-results tbody th").Select(t => t.Text()).ToList();
        names.ShouldContain("Rennes Métropole");
        names.ShouldContain("Rennes");
        names.IndexOf("Rennes Métropole").ShouldBeLessThan(names.IndexOf("Rennes"));
        var choose = several.QuerySelectorAll(".reference-results tbody tr").First(r => r.QuerySelector("th")!.Text() == "Rennes Métropole").QuerySelector("a")!;

        var (_, record) = await admin.GetAsync(Page + choose.GetAttribute("href"));
        record.QuerySelector("#fiche-officielle")!.Text().ShouldBe("Fiche officielle : Rennes Métropole");
        Fact(record, "Population").ShouldEndWith("habitants (2026)");
        Fact(record, "SIREN").ShouldBe("243500139");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE siren = '243500139'")).ShouldBe(0, "nothing is created before the confirmation");

        using var confirmed = await admin.SubmitAsync(Page + choose.GetAttribute("href"), record, new Dictionary<string, string> { ["Input.MembershipYear"] = "2012" }, ".official-record form");

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var slug = await fixture.Database.QueryAsAdminAsync<string>("SELECT slug FROM tenants WHERE siren = '243500139'");
        confirmed.Headers.Location!.OriginalString.ShouldBe($"/reseau/collectivites/{slug}/inviter");
        var (_, invite) = await admin.GetAsync(confirmed.Headers.Location!.OriginalString);
        var message = invite.QuerySelector("[role=status]")!.Text();
        message.ShouldStartWith("Rennes Métropole a été ajoutée (population officielle ");
        message.ShouldMatch(@"population officielle \d{1,3}( \d{3})+ en 2026");
        message.ShouldContain("Invitez maintenant son premier administrateur");
        invite.QuerySelector("form.invite-admin").ShouldNotBeNull();
        var (_, fiche) = await new AccountClient(fixture.Factory.CreateClient()).GetAsync($"/collectivites/{slug}");
        fiche.QuerySelector(".fiche-header .meta")!.Text().ShouldBe("Fiche en cours de rédaction");
    }

    [Theory]
    [InlineData("200 067 213")]
    [InlineData("200067213")]
    [InlineData(" 200\u00a0067\u00a0213 ")]
    public async Task BySirenWithOrWithoutSpaces_ShowsTheOfficialRecordToConfirm(string typed)
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();

        var (_, record) = await admin.GetAsync($"{Page}?q={Uri.EscapeDataString(typed)}");

        record.QuerySelector("#fiche-officielle")!.Text().ShouldBe("Fiche officielle : CU du Grand Reims");
        Fact(record, "Type").ShouldBe("Communauté urbaine");
        Fact(record, "Département").ShouldBe("Marne");
        Fact(record, "Population").ShouldBe("302 446 habitants (2026)");
        record.QuerySelector(".official-record form input[name='Input.Identifier']")!.GetAttribute("value").ShouldBe("200067213");
    }

    [Theory]
    [InlineData("243 500 138", "« 243 500 138 » n’est pas un numéro SIREN correct")]
    [InlineData("000000000", "Ce numéro SIREN n’existe pas dans le référentiel officiel 2026.")]
    [InlineData("99999", "Ce code INSEE de commune n’existe pas dans le référentiel officiel 2026.")]
    [InlineData("12345678", "« 12345678 » compte 8 chiffres : un numéro SIREN en compte 9")]
    [InlineData("Zzyzxville-sur-Mer", "Aucune collectivité du référentiel officiel 2026 ne porte un nom contenant « Zzyzxville-sur-Mer »")]
    public async Task UnknownOrMistypedCode_SaysSoPlainly_NextToTheField_KeepingWhatWasTyped(string typed, string message)
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();

        var (status, page) = await admin.GetAsync($"{Page}?q={Uri.EscapeDataString(typed)}");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#q-error")!.Text().ShouldStartWith(message);
        page.QuerySelector("#q-error")!.Text().ShouldNotContain("Luhn");
        page.QuerySelector("#q")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe(typed);
    }

    private static string Fact(IDocument page, string term) =>
        page.QuerySelectorAll(".official-record dl > div").Single(d => d.QuerySelector("dt")!.Text() == term).QuerySelector("dd")!.Text();
}
