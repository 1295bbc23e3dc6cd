using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Authorization;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>
/// Every back-office and account route of the route table × {anonymous, editor of A, editor of B,
/// admin of A, network admin}, through real sign-in and the real policies. A route missing from
/// <see cref="Expectations"/> fails the test until someone says who may open it.
/// </summary>
public sealed class AuthorizationMatrixTests(AccountsFixture fixture, ITestOutputHelper output) : IClassFixture<AccountsFixture>
{
    private readonly MatrixAccounts _accounts = new(fixture);

    /// <summary>The expected access of every route under /espace, /reseau and /compte, by route pattern.</summary>
    internal static readonly IReadOnlyDictionary<string, RouteAccess> Expectations = new Dictionary<string, RouteAccess>(StringComparer.Ordinal)
    {
        ["/espace/{slug}"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/panorama"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/budget"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/programme"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/actions"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/actions/{which}"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/contacts"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/sources"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/apercu"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/mise-a-jour"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/historique"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/journal"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/indicateurs"] = RouteAccess.TenantEditor,
        ["/espace/{slug}/equipe"] = RouteAccess.TenantAdmin,
        ["/espace/{slug}/jetons"] = RouteAccess.TenantAdmin,
        ["/reseau"] = RouteAccess.NetworkAdmin,
        ["/reseau/import"] = RouteAccess.NetworkAdmin,
        ["/reseau/import/{run:guid}"] = RouteAccess.NetworkAdmin,
        ["/reseau/import/{run:guid}/etat"] = RouteAccess.NetworkAdmin,
        ["/reseau/indicateurs"] = RouteAccess.NetworkAdmin,
        ["/reseau/taches"] = RouteAccess.NetworkAdmin,
        ["/reseau/taches/hangfire/{**path}"] = RouteAccess.NetworkAdmin,
        ["/reseau/collectivites/nouvelle"] = RouteAccess.NetworkAdmin,
        ["/reseau/collectivites/{slug}/inviter"] = RouteAccess.NetworkAdmin,
        ["/reseau/campagnes"] = RouteAccess.NetworkAdmin,
        ["/reseau/campagnes/{campaign:guid}"] = RouteAccess.NetworkAdmin,
        ["/espace/{slug}/publier"] = RouteAccess.TenantEditor,
        ["/compte/accueil"] = RouteAccess.Landing,
        ["/compte/securite"] = RouteAccess.SignedIn,
        ["/compte/espaces"] = RouteAccess.SignedIn,
        ["/compte/deux-facteurs"] = RouteAccess.SignedIn,
        ["/compte/connexion"] = RouteAccess.Public,
        ["/compte/deconnexion"] = RouteAccess.Public,
        ["/compte/confirmer-email"] = RouteAccess.Public,
        ["/compte/mot-de-passe-oublie"] = RouteAccess.Public,
        ["/compte/reinitialiser-mot-de-passe"] = RouteAccess.Public,
        ["/compte/deux-facteurs/verification"] = RouteAccess.Public,
        // Opened from the invitation mail by someone who may have no account yet.
        ["/compte/invitation"] = RouteAccess.Public,
        ["/actions"] = RouteAccess.Public,
        ["/recherche"] = RouteAccess.Public,
        ["/comparaisons"] = RouteAccess.Public,
        ["/comparaisons/groupes"] = RouteAccess.Public,
        ["/comparaisons/evolution"] = RouteAccess.Public,
        ["/comparaisons/carte"] = RouteAccess.Public,
        ["/comparaisons/tableau"] = RouteAccess.Public,
        ["/comparaisons/tableau/export.{format}"] = RouteAccess.Public,
        ["/comparaisons/export.{format}"] = RouteAccess.Public,
    };

    /// <summary>Values for the route parameters other than {slug}; a new parameter must be given one here.</summary>
    private static readonly IReadOnlyDictionary<string, string> _parameterValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["which"] = "nouvelle",
        ["run"] = LegacyImport.ImportPagesTests.MatrixRunId,
        ["campaign"] = Campaigns.CampaignPageTests.MatrixCampaignId,
        ["**path"] = "recurring",
    };

    private static readonly string[] _scopes = ["/espace", "/reseau", "/compte", "/actions", "/comparaisons", "/recherche"];

    [Fact]
    public void RouteTable_EveryBackOfficeAndAccountRoute_IsClassified()
    {
        var routes = MatrixRoutes.InScope(fixture.Factory.Services, _scopes);

        routes.ShouldNotBeEmpty();
        routes.Select(r => r.Pattern).Where(p => !Expectations.ContainsKey(p))
            .ShouldBeEmpty("routes without an expected access: add them to AuthorizationMatrixTests.Expectations");
        Expectations.Keys.Where(p => routes.All(r => r.Pattern != p))
            .ShouldBeEmpty("expectations for routes that no longer exist");
    }

    [Fact]
    public void RouteTable_EachRouteCarriesThePolicyOfItsClass()
    {
        foreach (var route in MatrixRoutes.InScope(fixture.Factory.Services, _scopes).Where(r => Expectations.ContainsKey(r.Pattern)))
        {
            var policies = route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            switch (Expectations[route.Pattern])
            {
                case RouteAccess.TenantEditor:
                    policies.ShouldContain(Policies.TenantEditor, route.Pattern);
                    anonymous.ShouldBeFalse(route.Pattern);
                    break;
                case RouteAccess.TenantAdmin:
                    policies.ShouldContain(Policies.TenantAdmin, route.Pattern);
                    anonymous.ShouldBeFalse(route.Pattern);
                    break;
                case RouteAccess.NetworkAdmin:
                    policies.ShouldContain(Policies.NetworkAdmin, route.Pattern);
                    anonymous.ShouldBeFalse(route.Pattern);
                    break;
                case RouteAccess.SignedIn:
                    policies.ShouldNotBeEmpty(route.Pattern);
                    anonymous.ShouldBeFalse(route.Pattern);
                    break;
                case RouteAccess.Public:
                    policies.ShouldBeEmpty(route.Pattern);
                    break;
            }
        }
    }

    [Fact]
    public async Task EveryGetRoute_ForEachUser_GivesTheExpectedStatus()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await LegacyImport.ImportPagesTests.EnsureMatrixRunAsync(fixture.Database);
        await Campaigns.CampaignPageTests.EnsureMatrixCampaignAsync(fixture.Database);
        var clients = new Dictionary<MatrixUser, AccountClient>
        {
            [MatrixUser.Anonymous] = fixture.CreateClient(),
            [MatrixUser.EditorOfA] = await _accounts.SignedInMemberAsync(a, TenantRole.Editor),
            [MatrixUser.EditorOfB] = await _accounts.SignedInMemberAsync(b, TenantRole.Editor),
            [MatrixUser.AdminOfA] = await _accounts.SignedInMemberAsync(a, TenantRole.Admin),
            [MatrixUser.NetworkAdmin] = await _accounts.SignedInNetworkAdminAsync(),
        };
        try
        {
            var routes = MatrixRoutes.InScope(fixture.Factory.Services, _scopes)
                .Where(r => Expectations.TryGetValue(r.Pattern, out var access) && access != RouteAccess.Public)
                .OrderBy(r => r.Pattern, StringComparer.Ordinal)
                .ToList();
            routes.ShouldNotBeEmpty();
            var table = new StringBuilder("| route | ").AppendJoin(" | ", Enum.GetValues<MatrixUser>()).AppendLine(" |");
            var failures = new List<string>();
            foreach (var route in routes)
            {
                var path = route.Fill(a.Slug, _parameterValues);
                table.Append(CultureInfo.InvariantCulture, $"| {route.Pattern} |");
                foreach (var (user, client) in clients)
                {
                    using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
                    var expected = Expected(Expectations[route.Pattern], user);
                    var actual = (int)response.StatusCode;
                    table.Append(CultureInfo.InvariantCulture, $" {actual} |");
                    var problem = actual != expected
                        ? $"expected {expected}, got {actual}"
                        : Check(response, Expectations[route.Pattern], user, path, a, await response.Content.ReadAsStringAsync());
                    if (problem is not null)
                    {
                        failures.Add($"GET {path} as {user}: {problem}");
                    }
                }

                table.AppendLine();
            }

            output.WriteLine(table.ToString());
            failures.ShouldBeEmpty();
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static int Expected(RouteAccess access, MatrixUser user) => (access, user) switch
    {
        (RouteAccess.Landing, _) => 302,
        (_, MatrixUser.Anonymous) => 302,
        (RouteAccess.SignedIn, _) => 200,
        (RouteAccess.NetworkAdmin, MatrixUser.NetworkAdmin) => 200,
        (RouteAccess.NetworkAdmin, _) => 403,
        // The back office of a tenant one does not belong to is not revealed, not even to RTES staff.
        (_, MatrixUser.EditorOfB or MatrixUser.NetworkAdmin) => 404,
        (RouteAccess.TenantAdmin, MatrixUser.EditorOfA) => 403,
        _ => 200,
    };

    /// <summary>Beyond the status: where anonymous users are sent, and that refusals reveal nothing of A.</summary>
    private static string? Check(HttpResponseMessage response, RouteAccess access, MatrixUser user, string path, Tenant a, string body)
    {
        var location = response.Headers.Location;
        var target = location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        if (access == RouteAccess.Landing)
        {
            var home = user switch
            {
                MatrixUser.Anonymous => "/",
                MatrixUser.NetworkAdmin => "/reseau",
                MatrixUser.EditorOfA or MatrixUser.AdminOfA => "/espace/" + a.Slug,
                _ => null,
            };
            return target is null || target.StartsWith("//", StringComparison.Ordinal) || !target.StartsWith('/') || (home is not null && target != home)
                ? $"redirected to {target}, expected {home ?? "a local home page"}"
                : null;
        }

        if (user == MatrixUser.Anonymous)
        {
            var expected = "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(path);
            return target == expected ? null : $"redirected to {target}, expected {expected}";
        }

        return response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden && body.Contains(a.Name, StringComparison.Ordinal)
            ? $"the refusal shows the name of {a.Name}"
            : null;
    }
}
