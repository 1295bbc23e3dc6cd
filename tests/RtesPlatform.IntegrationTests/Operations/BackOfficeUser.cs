using System.Net;
using Microsoft.AspNetCore.Identity;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>An editor of one tenant, written straight into the database, signed in through an app process's form.</summary>
internal static class BackOfficeUser
{
    public const string Password = "Operations-RTES-2026";

    public static async Task<Guid> CreateEditorAsync(TestDatabase database, Tenant tenant)
    {
        var email = AccountsFixture.UniqueEmail("ops");
        var user = new RtesUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true };
        var hash = new PasswordHasher<RtesUser>().HashPassword(user, Password);
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                lockout_enabled, access_failed_count)
            VALUES (@id, @email, upper(@email), @email, upper(@email), true, @hash, @stamp, @concurrency, false, false, true, 0);
            INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @id, 'editor', now());
            """,
            ("id", user.Id), ("email", email), ("hash", hash), ("tenant", tenant.Id),
            ("stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("concurrency", Guid.NewGuid().ToString()));
        return user.Id;
    }

    /// <summary>A browser-like client of <paramref name="app"/> (cookies kept), signed in as <paramref name="email"/>.</summary>
    public static async Task<AccountClient> SignInAsync(AppProcess app, string email)
    {
        var client = new AccountClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        });
        using var response = await client.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in");
        return client;
    }

    public static async Task<string> EmailAsync(TestDatabase database, Guid userId) =>
        await database.QueryAsAdminAsync<string>("SELECT email FROM asp_net_users WHERE id = @id", ("id", userId));
}
