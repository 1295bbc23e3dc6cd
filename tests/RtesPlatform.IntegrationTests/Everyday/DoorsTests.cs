using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Everyday;

/// <summary>Issue 15, item 1: where each role lands after signing in, and the header's doors on every page.</summary>
public sealed class DoorsTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task OfficerOfOneCollectivity_LandsOnItsSpace_AndSeesMonEspaceOnEveryPage()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = await MemberAsync(TenantRole.Editor, tenant);
        using var client = fixture.CreateClient();

        using var signIn = await client.SignInAsync(email, Password);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe($"/espace/{tenant.Slug}");
        foreach (var url in new[] { "/", "/collectivites", "/comparaisons", $"/espace/{tenant.Slug}/journal" })
        {
            var (status, page) = await client.GetAsync(url);
            status.ShouldBe(HttpStatusCode.OK, url);
            var doors = page.QuerySelectorAll(".nav-wide a.nav-door").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
            doors.ShouldBe([("Mon espace", $"/espace/{tenant.Slug}")], url);
            page.QuerySelectorAll(".site-menu a.nav-door").Length.ShouldBe(1, "the phone menu has the same door");
        }
    }

    [Fact]
    public async Task OfficerOfSeveral_LandsOnTheListOfTheirSpaces()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = await MemberAsync(TenantRole.Admin, a, b);
        using var client = fixture.CreateClient();

        using var signIn = await client.SignInAsync(email, Password);

        signIn.Headers.Location!.OriginalString.ShouldBe("/compte/espaces");
        var (_, list) = await client.GetAsync("/compte/espaces");
        list.QuerySelectorAll(".my-tenants a").Select(l => l.GetAttribute("href")).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { $"/espace/{a.Slug}", $"/espace/{b.Slug}" }.Order(StringComparer.Ordinal));
        list.QuerySelector("main")!.TextContent.ShouldContain("2 collectivités");
        list.QuerySelector(".nav-wide a.nav-door")!.TextContent.ShouldBe("Mes espaces");
    }

    [Fact]
    public async Task LocalReturnUrl_StillWins_AndAForeignOneIsIgnored()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = await MemberAsync(TenantRole.Editor, tenant);

        using (var client = fixture.CreateClient())
        {
            using var local = await client.SignInAsync(email, Password, "/compte/connexion?ReturnUrl=%2Fcomparaisons");
            local.Headers.Location!.OriginalString.ShouldBe("/comparaisons");
        }

        using (var client = fixture.CreateClient())
        {
            using var foreign = await client.SignInAsync(email, Password, "/compte/connexion?ReturnUrl=https%3A%2F%2Fevil.example%2F");
            foreign.Headers.Location!.OriginalString.ShouldBe($"/espace/{tenant.Slug}");
        }
    }

    [Fact]
    public async Task NetworkAdmin_LandsOnTheConsole_AfterTwoFactors_AndSeesConsoleReseau()
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();

        // SignedInNetworkAdminAsync follows the password step to the second factor, with no ReturnUrl.
        var (status, home) = await admin.GetAsync("/");
        status.ShouldBe(HttpStatusCode.OK);
        home.QuerySelectorAll(".nav-wide a.nav-door").Select(a => (a.TextContent, a.GetAttribute("href")))
            .ShouldBe([("Console réseau", "/reseau")]);
    }

    [Fact]
    public async Task NetworkAdmin_SecondFactor_RedirectsToReseau()
    {
        var email = AccountsFixture.UniqueEmail("reseau-landing");
        var user = await fixture.CreateUserAsync(email, Password, role: NetworkRoles.NetworkAdmin);
        var key = await fixture.EnableTwoFactorAsync(user);
        using var client = fixture.CreateClient();

        using var first = await client.SignInAsync(email, Password);
        first.Headers.Location!.OriginalString.ShouldNotContain("ReturnUrl");
        using var second = await client.SubmitAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.ShouldBe("/reseau");
    }

    [Fact]
    public async Task PublicFiche_ShowsModifierCetteFiche_ToItsTeamOnly()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var other = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await fixture.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte." } });
        var member = await MemberAsync(TenantRole.Editor, tenant);
        var outsider = await MemberAsync(TenantRole.Editor, other);

        using var team = fixture.CreateClient();
        (await team.SignInAsync(member, Password)).Dispose();
        using var stranger = fixture.CreateClient();
        (await stranger.SignInAsync(outsider, Password)).Dispose();
        using var visitor = fixture.CreateClient();

        var (_, asTeam) = await team.GetAsync($"/collectivites/{tenant.Slug}");
        var (_, asStranger) = await stranger.GetAsync($"/collectivites/{tenant.Slug}");
        var (_, asVisitor) = await visitor.GetAsync($"/collectivites/{tenant.Slug}");

        var link = asTeam.QuerySelector(".edit-fiche a").ShouldNotBeNull();
        link.TextContent.ShouldBe("Modifier cette fiche");
        link.GetAttribute("href").ShouldBe($"/espace/{tenant.Slug}");
        asStranger.QuerySelector(".edit-fiche").ShouldBeNull();
        asVisitor.QuerySelector(".edit-fiche").ShouldBeNull();
        asVisitor.QuerySelectorAll("a.nav-door").ShouldBeEmpty();
    }

    private async Task<string> MemberAsync(string role, params Tenant[] tenants)
    {
        var email = AccountsFixture.UniqueEmail(role);
        var user = await fixture.CreateUserAsync(email, Password);
        foreach (var tenant in tenants)
        {
            await fixture.Database.RunAsTenantAsync(tenant, async db =>
            {
                db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            });
        }

        return email;
    }
}
