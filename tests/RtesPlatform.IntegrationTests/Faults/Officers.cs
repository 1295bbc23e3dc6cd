using System.Net;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Faults;

/// <summary>Officers of a tenant, created in the database and signed in through the real sign-in form of an app process.</summary>
internal static class Officers
{
    public const string Password = "Pannes-RTES-2026-Editrice";

    /// <summary>A confirmed account, editor of <paramref name="tenantId"/> (written as superuser, like an admin tool).</summary>
    public static async Task<string> CreateEditorAsync(string adminConnectionString, Guid tenantId, string name)
    {
        var email = AccountsFixture.UniqueEmail(name);
        var user = new RtesUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true };
        var hash = new PasswordHasher<RtesUser>().HashPassword(user, Password);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                lockout_enabled, access_failed_count)
            VALUES (@id, @email, upper(@email), @email, upper(@email), true, @hash, @stamp, @concurrency, false, false, true, 0);
            INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @id, 'editor', now());
            """, connection);
        command.Parameters.AddWithValue("id", user.Id);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString("N").ToUpperInvariant());
        command.Parameters.AddWithValue("concurrency", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("tenant", tenantId);
        await command.ExecuteNonQueryAsync();
        return email;
    }

    /// <summary>A browser-like client of <paramref name="baseAddress"/> (cookies kept, no redirect followed), signed in.</summary>
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, CookieContainer? cookies = null, TimeSpan? timeout = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        var account = new AccountClient(http);
        using var response = await account.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email}");
        return http;
    }
}
