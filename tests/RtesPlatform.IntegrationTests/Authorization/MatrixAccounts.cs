using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>Users of the matrix, signed in for real through /compte/connexion (and the second factor for the network admin).</summary>
internal sealed class MatrixAccounts(AccountsFixture fixture)
{
    private const string Password = "Matrice-RTES-2026!";

    public async Task<AccountClient> SignedInMemberAsync(Tenant tenant, string role)
    {
        var email = AccountsFixture.UniqueEmail(role);
        var user = await fixture.CreateUserAsync(email, Password);
        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(email, Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of the {role} of {tenant.Slug}");
        return client;
    }

    public Task<AccountClient> SignedInNetworkAdminAsync() => fixture.SignedInNetworkAdminAsync(Password);

    /// <summary>The antiforgery token of a form the client can load (it is bound to the signed-in user, not to the page).</summary>
    public static async Task<string> AntiforgeryTokenAsync(AccountClient client, string url)
    {
        var (status, page) = await client.GetAsync(url);
        status.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull($"token on {url}").Value;
    }
}
