using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// The demo network served by Kestrel like <see cref="Infrastructure.DemoSiteFixture"/>, but over a
/// database of its own, because the back-office tests write to it (they publish); it also creates
/// the accounts those tests sign in with ("Testing" seeds none).
/// </summary>
public sealed class BackOfficeSiteFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RtesWebFactory? _baseFactory;
    private WebApplicationFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _baseFactory = new RtesWebFactory(_database);
        // Static web assets are only mapped in Development: without them the pages would have no CSS,
        // and axe-core could not check colour contrast as users see it.
        _factory = _baseFactory.WithWebHostBuilder(builder => builder
            .UseStaticWebAssets());
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        await _factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    /// <summary>A confirmed account that is a member of the demo tenant <paramref name="slug"/> with <paramref name="role"/>.</summary>
    public async Task CreateMemberAsync(string slug, string email, string password, string role)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<RtesUser>>();
        var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));

        // Through the host's own services, as the app writes a membership: in a scope of the tenant (row-level security).
        var db = services.GetRequiredService<RtesDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        services.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
        db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>A tenant created from the reference data (<paramref name="identifier"/>) whose fiche <paramref name="content"/> is published.</summary>
    public async Task CreatePublishedTenantAsync(string identifier, string slug, FicheContent content)
    {
        Tenant tenant;
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(identifier, 2020, slug, CancellationToken.None);
            tenant = created.Tenant.ShouldNotBeNull(created.Error);
        }

        await using var tenantScope = _factory.Services.CreateAsyncScope();
        tenantScope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
        var db = tenantScope.ServiceProvider.GetRequiredService<RtesDbContext>();
        db.FicheDrafts.Add(new FicheDraft { Content = content, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test", Revision = 1 });
        await db.SaveChangesAsync();
        await tenantScope.ServiceProvider.GetRequiredService<FichePublisher>().PublishDraftAsync("test", null, CancellationToken.None);
    }

    /// <summary>A confirmed network admin with two-factor authentication; returns the authenticator key.</summary>
    public async Task<string> CreateNetworkAdminAsync(string email, string password)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        if (!await roles.RoleExistsAsync(NetworkRoles.NetworkAdmin))
        {
            (await roles.CreateAsync(new IdentityRole<Guid>(NetworkRoles.NetworkAdmin))).Succeeded.ShouldBeTrue();
        }

        (await users.AddToRoleAsync(user, NetworkRoles.NetworkAdmin)).Succeeded.ShouldBeTrue();
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The current RFC 6238 code for a base32 key, as an authenticator app shows it.</summary>
    public static string TotpCode(string base32Key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 (and every authenticator app) uses HMAC-SHA1.
        var hash = System.Security.Cryptography.HMACSHA1.HashData([.. bytes], message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_baseFactory is not null)
        {
            await _baseFactory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
