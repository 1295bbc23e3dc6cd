using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>
/// Every form of the back office of tenant A, as its editor sees it, submitted by someone outside
/// A's team with a valid antiforgery token of their own: refused, and A's data is unchanged.
/// Every form of the network console, submitted by a tenant editor: refused, nothing changed.
/// </summary>
public sealed class CrossTenantPostTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private readonly MatrixAccounts _accounts = new(fixture);

    [Fact]
    public async Task EveryEspaceForm_PostedByAnOutsiderWithAValidToken_IsRefusedAndChangesNothing()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await fixture.Database.SaveAndPublishAsync(a, FicheSamples.WithMarker("publiée"));
        await fixture.Database.SaveAndPublishAsync(b, FicheSamples.WithMarker("de B"));
        using var adminOfA = await _accounts.SignedInMemberAsync(a, TenantRole.Admin);
        using var editorOfA = await _accounts.SignedInMemberAsync(a, TenantRole.Editor);
        using var editorOfB = await _accounts.SignedInMemberAsync(b, TenantRole.Editor);
        using var networkAdmin = await _accounts.SignedInNetworkAdminAsync();
        var outsiders = new (string Name, AccountClient Client, string Token, int Status, bool AdminPagesOnly)[]
        {
            ("editor of B", editorOfB, await MatrixAccounts.AntiforgeryTokenAsync(editorOfB, $"/espace/{b.Slug}/budget"), 404, false),
            ("network admin", networkAdmin, await MatrixAccounts.AntiforgeryTokenAsync(networkAdmin, "/reseau/collectivites/nouvelle?q=200067213"), 404, false),
            ("editor of A", editorOfA, await MatrixAccounts.AntiforgeryTokenAsync(editorOfA, $"/espace/{a.Slug}/budget"), 403, true),
        };
        var before = await SnapshotAsync(a);

        var submitted = 0;
        foreach (var (path, access) in EspacePaths(a))
        {
            // A's admin sees every form of the back office, the team's included.
            var (status, page) = await Forms.GetAsync(adminOfA.Http, path);
            status.ShouldBe(200, $"GET {path} as the admin of A");
            foreach (var button in PostButtons(page, $"/espace/{a.Slug}"))
            {
                foreach (var (name, client, token, expected, adminPagesOnly) in outsiders)
                {
                    if (adminPagesOnly && access != RouteAccess.TenantAdmin)
                    {
                        continue;
                    }

                    var (posted, response) = await Forms.SubmitAsync(client.Http, page, button,
                        new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

                    posted.ShouldBe(expected, $"POST {Describe(button, path)} by the {name}");
                    if (expected == 404)
                    {
                        response.Body!.TextContent.ShouldNotContain(a.Name);
                    }

                    submitted++;
                }
            }
        }

        submitted.ShouldBeGreaterThanOrEqualTo(2 * 10, "the back office's forms were not found");
        (await SnapshotAsync(a)).ShouldBe(before, "tenant A's draft, versions, audit log or publication changed");

        // The same form posted by A's own editor does change the snapshot: the comparison above can fail.
        var (_, panorama) = await Forms.GetAsync(adminOfA.Http, $"/espace/{a.Slug}/panorama");
        var (saved, _) = await Forms.SubmitAsync(adminOfA.Http, panorama, panorama.Button("Enregistrer le brouillon"),
            new Dictionary<string, string> { ["Form.Narrative"] = "Modifiée par l'équipe de A" });
        saved.ShouldBe(302);
        (await SnapshotAsync(a)).ShouldNotBe(before);
    }

    [Fact]
    public async Task EveryNetworkConsoleForm_PostedByATenantEditorWithAValidToken_IsRefusedAndChangesNothing()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        using var editorOfA = await _accounts.SignedInMemberAsync(a, TenantRole.Editor);
        using var networkAdmin = await _accounts.SignedInNetworkAdminAsync();
        var token = await MatrixAccounts.AntiforgeryTokenAsync(editorOfA, $"/espace/{a.Slug}/budget");
        var before = await ConsoleSnapshotAsync(a);

        var submitted = 0;
        var consolePaths = AuthorizationMatrixTests.Expectations
            .Where(e => e.Value == RouteAccess.NetworkAdmin)
            .Select(e => e.Key.Replace("{slug}", a.Slug, StringComparison.Ordinal))
            // Pages of one import run or one campaign need a row of their own (the matrix test
            // creates them); their forms are the console's list pages, covered here.
            .Where(path => !path.Contains('{', StringComparison.Ordinal));
        foreach (var path in consolePaths)
        {
            var (status, page) = await Forms.GetAsync(networkAdmin.Http, path);
            status.ShouldBe(200, $"GET {path} as the network admin");
            foreach (var button in PostButtons(page, "/reseau"))
            {
                var (posted, _) = await Forms.SubmitAsync(editorOfA.Http, page, button,
                    new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Identifier"] = "200067213" });

                posted.ShouldBe(403, $"POST {Describe(button, path)} by the editor of A");
                submitted++;
            }
        }

        submitted.ShouldBeGreaterThanOrEqualTo(4, "the console's forms were not found");
        (await ConsoleSnapshotAsync(a)).ShouldBe(before, "the network console's data changed");
    }

    private static IEnumerable<(string Path, RouteAccess Access)> EspacePaths(Tenant tenant) =>
        AuthorizationMatrixTests.Expectations
            .Where(e => e.Key.StartsWith("/espace/", StringComparison.Ordinal) && e.Value is RouteAccess.TenantEditor or RouteAccess.TenantAdmin)
            .Select(e => (e.Key.Replace("{slug}", tenant.Slug, StringComparison.Ordinal).Replace("{which}", "nouvelle", StringComparison.Ordinal), e.Value))
            .Append(($"/espace/{tenant.Slug}/actions/0", RouteAccess.TenantEditor));

    /// <summary>The submit buttons of the page's POST forms that target <paramref name="prefix"/> (not the site-wide sign-out).</summary>
    private static List<IElement> PostButtons(IDocument page, string prefix) =>
        [.. page.QuerySelectorAll("form[method=post] button[type=submit], form[method=post] button:not([type])")
            .Where(b => b.GetAttribute("aria-hidden") is null)
            .Where(b =>
            {
                var form = (IHtmlFormElement)b.Closest("form")!;
                var target = b.GetAttribute("formaction") ?? form.GetAttribute("action") ?? new Uri(page.Url).AbsolutePath;
                return target.StartsWith(prefix, StringComparison.Ordinal);
            })];

    private static string Describe(IElement button, string path) =>
        $"« {button.TextContent.Trim()} » ({button.GetAttribute("formaction") ?? button.Closest("form")!.GetAttribute("action") ?? path})";

    /// <summary>What a successful post on A's back office would change, as the database holds it.</summary>
    private Task<string> SnapshotAsync(Tenant tenant) =>
        fixture.Database.QueryAsAdminAsync<string>(
            """
            SELECT concat_ws(' | ', d.revision, d.content::text,
                (SELECT count(*) FROM fiche_versions v WHERE v.tenant_id = t.id),
                (SELECT count(*) FROM audit_events e WHERE e.tenant_id = t.id),
                t.published_version, t.status)
            FROM tenants t LEFT JOIN fiche_drafts d ON d.tenant_id = t.id
            WHERE t.id = @t
            """, ("t", tenant.Id));

    private Task<string> ConsoleSnapshotAsync(Tenant tenant) =>
        fixture.Database.QueryAsAdminAsync<string>(
            """
            SELECT concat_ws(' | ', (SELECT count(*) FROM tenants), (SELECT count(*) FROM fiche_drafts),
                (SELECT status FROM tenants WHERE id = @t))
            """, ("t", tenant.Id));
}
