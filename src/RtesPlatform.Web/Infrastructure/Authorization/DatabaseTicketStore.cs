using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// The session cookie's server side (<see cref="CookieAuthenticationOptions.SessionStore"/>): the
/// cookie carries only a random key; the ticket (the principal and its properties) lives in
/// <c>auth_tickets</c>, shared by every instance, protected with the Data Protection key ring and
/// found by the SHA-256 of the key. Signing out deletes the row, so a copied cookie stops working at
/// once, on every instance; <see cref="UserSessions"/> deletes all of a person's rows. One primary
/// key lookup per signed-in request. Expired rows of a person go when they next sign in.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock) : ITicketStore
{
    /// <summary>The ticket property holding the session's row id, so that a page can tell its own session from the others.</summary>
    public const string SessionIdItem = ".rtes.session";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("RtesPlatform.AuthTickets.v1");

    /// <summary>The row id of the request's own session (null when not signed in with one).</summary>
    public static async Task<string?> CurrentSessionIdAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        return result.Properties?.Items.TryGetValue(SessionIdItem, out var id) == true ? id : null;
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var userId = UserId(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        if (userId is { } id)
        {
            await db.AuthTickets.Where(t => t.UserId == id && t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        }

        ticket.Properties.Items[SessionIdItem] = Hash(key);
        db.AuthTickets.Add(new AuthTicket
        {
            Id = Hash(key),
            UserId = userId,
            Value = Protect(ticket),
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var hash = Hash(key);
        ticket.Properties.Items[SessionIdItem] = hash;
        var value = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var userId = UserId(ticket);
        // The cookie handler also "renews" at sign-in when the request already had a session: signing
        // in as someone else must not inherit that key (a cookie planted beforehand would then open the
        // new account): the session ends instead, and the next sign-in gets a new key.
        var deleted = await db.AuthTickets.Where(t => t.Id == hash && t.UserId != userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            return;
        }

        // A session deleted meanwhile (signed out elsewhere) is not brought back: the handler renews
        // only a key whose session it found at the start of the request.
        await db.AuthTickets.Where(t => t.Id == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value).SetProperty(t => t.ExpiresAt, expires), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var hash = Hash(key);
        var row = await db.AuthTickets.AsNoTracking().Where(t => t.Id == hash)
            .Select(t => new { t.Value, t.ExpiresAt }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(row.Value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        await db.AuthTickets.Where(t => t.Id == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The row id of a cookie's key: its SHA-256, in hex.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? string.Empty)));

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static Guid? UserId(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
