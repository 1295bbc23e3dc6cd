using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// The tenant policies as the back office uses them: the tenant comes from the URL (the scoped
/// TenantContext set by tenant resolution), the membership and its role from the database.
/// </summary>
public sealed class TenantPolicyTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task TenantPolicies_ForEachRole_AllowOnlyMembersOfTheTenantInTheUrl()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var editorOfA = await MemberAsync(a, TenantRole.Editor);
        var adminOfA = await MemberAsync(a, TenantRole.Admin);
        var editorOfB = await MemberAsync(b, TenantRole.Editor);
        var networkAdmin = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("reseau"), Password, role: NetworkRoles.NetworkAdmin);

        (await AuthorizeAsync(a, editorOfA, Policies.TenantEditor)).ShouldBe((true, null));
        (await AuthorizeAsync(a, adminOfA, Policies.TenantEditor)).ShouldBe((true, null));
        (await AuthorizeAsync(a, adminOfA, Policies.TenantAdmin)).ShouldBe((true, null));
        (await AuthorizeAsync(a, editorOfA, Policies.TenantAdmin)).ShouldBe((false, TenantMemberFailure.RoleTooLow));
        (await AuthorizeAsync(a, editorOfB, Policies.TenantEditor)).ShouldBe((false, TenantMemberFailure.NotAMember));
        (await AuthorizeAsync(b, editorOfB, Policies.TenantEditor)).ShouldBe((true, null));
        (await AuthorizeAsync(a, networkAdmin.Id, Policies.TenantEditor, NetworkRoles.NetworkAdmin)).ShouldBe((false, TenantMemberFailure.NotAMember));
        (await AuthorizeAsync(null, editorOfA, Policies.TenantEditor)).ShouldBe((false, TenantMemberFailure.NotAMember));
    }

    [Fact]
    public async Task BackOffice_OverHttp_MembersIn_OthersGet404_AnonymousGoesToSignIn()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var editorOfA = await SignedInMemberAsync(a);
        var editorOfB = await SignedInMemberAsync(b);
        using var anonymous = fixture.CreateClient();

        using var own = await editorOfA.Http.GetAsync(new Uri($"/espace/{a.Slug}", UriKind.Relative));
        using var other = await editorOfB.Http.GetAsync(new Uri($"/espace/{a.Slug}", UriKind.Relative));
        using var signedOut = await anonymous.Http.GetAsync(new Uri($"/espace/{a.Slug}", UriKind.Relative));

        own.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        other.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await AccountClient.ParseAsync(other)).QuerySelector("h1")!.TextContent.ShouldBe("Page introuvable");
        signedOut.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldContain($"/compte/connexion?ReturnUrl=%2Fespace%2F{a.Slug}");
    }

    private async Task<AccountClient> SignedInMemberAsync(Tenant tenant)
    {
        var email = AccountsFixture.UniqueEmail("member");
        var user = await fixture.CreateUserAsync(email, Password);
        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = TenantRole.Editor, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(email, Password);
        signIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task TenantEditor_Anonymous_IsRefused()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(a));

        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), Policies.TenantEditor);

        result.Succeeded.ShouldBeFalse();
    }

    private async Task<Guid> MemberAsync(Tenant tenant, string role)
    {
        var user = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail(role), Password);
        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return user.Id;
    }

    private async Task<(bool Succeeded, TenantMemberFailure? Failure)> AuthorizeAsync(Tenant? tenant, Guid userId, string policy, string? role = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        if (tenant is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "Identity.Application");
        if (role is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(new ClaimsPrincipal(identity), policy);
        var failure = result.Failure?.FailureReasons.OfType<TenantMemberFailureReason>().SingleOrDefault()?.Failure;
        return (result.Succeeded, failure);
    }
}
