using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Authorization;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Isolation;

/// <summary>
/// Issue 9, item 1, over HTTP: every tenant-scoped route of the route table (back office pages and
/// their handlers, officers' API) × {own tenant, other tenant, no tenant} × its operations (read,
/// create, update, delete), requested by a member of tenant A only (and, for "no tenant", by an
/// anonymous visitor and by a signed-in user of no tenant). Another tenant's version answers
/// 403/404, no response shows B's marker, and the hash of every row of B in every tenant-owned
/// table is the same afterwards.
/// </summary>
public sealed partial class RouteIsolationTests(AccountsFixture fixture, ITestOutputHelper output) : IClassFixture<AccountsFixture>
{
    private enum Case
    {
        OwnTenant,
        OtherTenant,
        NoTenantAnonymous,
        NoTenantSignedIn,
    }

    [Fact]
    public async Task EveryTenantRoute_ForEachTenantAndOperation_ReturnsAndChangesNoRowOfAnotherTenant()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        await world.ShouldCoverEveryTableAsync(fixture.Database);
        using var memberOfA = await IsolationWorld.MemberAsync(fixture, world.A);
        using var outsider = await IsolationWorld.OutsiderAsync(fixture);
        using var anonymous = fixture.CreateClient();
        var token = await MatrixAccounts.AntiforgeryTokenAsync(memberOfA, $"/espace/{world.A.Slug}/budget");
        // The outsider posts with a valid token of their own, so that the refusal is the authorization's, not the antiforgery's.
        var outsiderToken = await MatrixAccounts.AntiforgeryTokenAsync(outsider, "/compte/securite");
        var operations = await IsolationRoutes.TenantOperationsAsync(fixture.Factory.Services);
        operations.Select(o => o.Operation).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3, "read, create, update and delete handlers were not found");
        var before = await world.SnapshotAsync(fixture.Database, world.B);

        var failures = new List<string>();
        var counts = new Dictionary<(Case, Operation), int>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var @case in Enum.GetValues<Case>())
            {
                var (client, slug) = @case switch
                {
                    Case.OwnTenant => (memberOfA, world.A.Slug),
                    Case.OtherTenant => (memberOfA, world.B.Slug),
                    Case.NoTenantAnonymous => (anonymous, world.A.Slug),
                    _ => (outsider, world.A.Slug),
                };
                using var request = Request(operation, slug, world, @case switch
                {
                    Case.NoTenantAnonymous => null,
                    Case.NoTenantSignedIn => outsiderToken,
                    _ => token,
                });
                if (operation.IsApi && @case is Case.OwnTenant or Case.OtherTenant)
                {
                    // The officers' API ignores the session cookie: A's member calls it with A's token.
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.ApiTokenOfA);
                }

                using var response = await client.Http.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var key = $"{@case}:{status}";
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
                counts[(@case, operation.Operation)] = counts.GetValueOrDefault((@case, operation.Operation)) + 1;
                var problem = Check(@case, operation, status, response, body, world);
                if (problem is not null)
                {
                    failures.Add($"{operation} [{@case}, {request.RequestUri}]: {problem}");
                }
            }
        }

        var after = await world.SnapshotAsync(fixture.Database, world.B);
        output.WriteLine($"{operations.Select(o => o.Route.Pattern).Distinct().Count()} routes, {operations.Count} operations, "
            + $"{counts.Values.Sum()} requests, {world.TenantTables.Count} tenant-owned tables: {string.Join(", ", world.TenantTables)}");
        foreach (var operation in Enum.GetValues<Operation>())
        {
            output.WriteLine($"{operation}: " + string.Join(", ", Enum.GetValues<Case>().Select(c => $"{c} {counts.GetValueOrDefault((c, operation))}")));
        }

        output.WriteLine("statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}")));
        foreach (var operation in operations)
        {
            output.WriteLine($"  {operation} ({operation.Operation})");
        }

        failures.ShouldBeEmpty();
        IsolationWorld.Describe(before, after).ShouldBeEmpty("rows of tenant B changed in these tables");
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Snapshot_ChangesWhenBsOwnTeamWrites_SoTheComparisonCanFail()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        using var memberOfB = await IsolationWorld.MemberAsync(fixture, world.B);
        var before = await world.SnapshotAsync(fixture.Database, world.B);

        var (_, page) = await Forms.GetAsync(memberOfB.Http, $"/espace/{world.B.Slug}/panorama");
        var (status, _) = await Forms.SubmitAsync(memberOfB.Http, page, page.Button("Enregistrer le brouillon"),
            new Dictionary<string, string> { ["Form.Narrative"] = "Modifiée par l'équipe de B" });

        status.ShouldBe(302);
        IsolationWorld.Describe(before, await world.SnapshotAsync(fixture.Database, world.B)).ShouldContain("fiche_drafts");
    }

    private static string? Check(Case @case, RouteOperation operation, int status, HttpResponseMessage response, string body, IsolationWorld world)
    {
        if (status >= 500)
        {
            return $"server error {status}";
        }

        if (body.Contains(world.MarkerB, StringComparison.OrdinalIgnoreCase))
        {
            return "the response shows a row of tenant B";
        }

        switch (@case)
        {
            case Case.OwnTenant when operation.Operation == Operation.Read && !operation.IsApi && status != 200:
                return $"own tenant's page answered {status}, expected 200";
            case Case.OtherTenant when status is not (403 or 404):
                return $"expected 403 or 404, got {status}";
            case Case.NoTenantSignedIn when status is not (403 or 404) && !(operation.IsApi && status == 401):
                return $"expected 403 or 404, got {status}";
            case Case.NoTenantAnonymous:
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var toSignIn = status == 302 && location.Contains("/compte/connexion", StringComparison.Ordinal);
                return toSignIn || status is 401 or 403 or 404 ? null : $"anonymous: expected the sign-in page, 401, 403 or 404, got {status} {location}";
            default:
                return null;
        }
    }

    /// <summary>The request for one operation: B's real ids in every id-like field, the user's antiforgery token.</summary>
    private static HttpRequestMessage Request(RouteOperation operation, string slug, IsolationWorld world, string? token)
    {
        var path = Fill(operation.Route.Pattern, slug, world);
        if (operation.Handler is { Length: > 0 } handler)
        {
            path += "?handler=" + Uri.EscapeDataString(handler);
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(path, UriKind.Relative));
        if (operation.Method is "GET" or "DELETE")
        {
            return request;
        }

        if (operation.IsApi)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            return request;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["userId"] = world.IdsOfB["member"][0],
            ["id"] = world.IdsOfB["invitation"][0],
            ["code"] = "ess_employees",
            ["year"] = IsolationWorld.YearsOfB[2].ToString(CultureInfo.InvariantCulture),
            ["number"] = world.IdsOfB["version"].Max(v => int.Parse(v, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
            ["revision"] = "1",
            ["role"] = "admin",
        };
        if (operation.Handler?.Contains("Remove", StringComparison.Ordinal) == true)
        {
            // Only the Remove* handlers take an index: a stray "index" field makes the list binders of
            // the contacts and sources pages add a null row (a 500 reported to the bad-input work).
            fields["index"] = "0";
        }
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }

    /// <summary>The route's URL for <paramref name="slug"/>, other parameters given B's real ids (a guid: an invitation; else 0).</summary>
    internal static string Fill(string pattern, string slug, IsolationWorld world) =>
        Parameter().Replace(pattern, m =>
        {
            var (name, constraint) = (m.Groups["name"].Value, m.Groups["constraint"].Value);
            return name switch
            {
                "slug" => slug,
                _ when constraint.Contains("guid", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal)
                    || name.Equals("id", StringComparison.OrdinalIgnoreCase) => world.IdsOfB["invitation"][0],
                _ => "0",
            };
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>[^}]*)\}")]
    private static partial Regex Parameter();
}
