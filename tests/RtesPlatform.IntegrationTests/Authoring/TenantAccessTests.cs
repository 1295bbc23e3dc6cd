using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>The back office under the application's real policies: members only, of the tenant in the URL.</summary>
public sealed class TenantAccessTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RtesWebFactory _factory = null!;
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _factory = new RtesWebFactory(database);
        _host = _factory.WithTestUsers(realPolicies: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task EditorOfA_EditsA_ButCannotReachOrPublishB()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var b = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(b, new FicheContent { Panorama = new PanoramaSection { Narrative = "Fiche de B." } });
        var editorOfA = await MemberAsync(a, TenantRole.Editor);
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, $"{editorOfA}|Éditrice de A");

        var (ownStatus, own) = await Forms.GetAsync(client, $"/espace/{a.Slug}");
        var (otherStatus, other) = await Forms.GetAsync(client, $"/espace/{b.Slug}/budget");
        using var publish = await client.PostAsync(new Uri($"/espace/{b.Slug}/publier", UriKind.Relative), new FormUrlEncodedContent([new("revision", "1")]));

        ownStatus.ShouldBe(200);
        own.QuerySelector(".espace-tenant")!.TextContent.ShouldContain(a.Name);
        otherStatus.ShouldBeOneOf(403, 404);
        other.Body!.TextContent.ShouldNotContain(b.Name);
        ((int)publish.StatusCode).ShouldBeOneOf(400, 403, 404);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", b.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task EditorOfA_SavesTheBudgetOfA_UnderTheirName()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var editor = await MemberAsync(a, TenantRole.Editor);
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, $"{editor}|Éditrice de A");

        await DraftEditingTests.AddBudgetLineAsync(client, a.Slug, "Ligne d'un membre", "100", "2025");

        (await database.QueryAsAdminAsync<string>("SELECT updated_by FROM fiche_drafts WHERE tenant_id = @t", ("t", a.Id))).ShouldBe("Éditrice de A");
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM audit_events WHERE tenant_id = @t AND user_id = @u", ("t", a.Id), ("u", editor.ToString()))).ShouldBe(1);
    }

    private async Task<Guid> MemberAsync(Tenant tenant, string role)
    {
        Guid id;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var email = $"membre-{Guid.NewGuid().ToString("N")[..8]}@test.example";
            var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true };
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>().CreateAsync(user, "Une phrase de passe solide");
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            id = user.Id;
        }

        await database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return id;
    }
}
