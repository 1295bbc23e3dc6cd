using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// The authenticator (TOTP, RFC 6238: HMAC-SHA1, 30 s, 6 digits) as Identity's own provider checks
/// it — the codes of the two steps before and after now are accepted, for clock drift — except that
/// a code is accepted once: the matched step is recorded in <c>authenticator_uses</c> by one
/// conditional upsert, and a code of that step or an earlier one is refused. Registered under
/// Identity's authenticator provider name, so the sign-in page, the token endpoint and the set-up
/// page all go through it; concurrent requests on several instances cannot both win a step.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(RtesDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<RtesUser>
{
    public const int StepSeconds = 30;

    /// <summary>Steps accepted on either side of now (Identity's default: 2, ±60 s).</summary>
    public const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<RtesUser> manager, RtesUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The authenticator app computes the codes: nothing is generated or sent.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<RtesUser> manager, RtesUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<RtesUser> manager, RtesUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        byte[] secret;
        try
        {
            secret = Base32.Decode(key);
        }
        catch (FormatException)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (Code(secret, step) == code)
            {
                return await ClaimAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>The code of one time step.</summary>
    public static int Code(byte[] secret, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238 (and every authenticator app) uses HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>Records <paramref name="step"/> as the last one used, unless it or a later one already is.</summary>
    private async Task<bool> ClaimAsync(Guid userId, long step)
    {
        var usedAt = clock.GetUtcNow();
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO authenticator_uses (user_id, last_step, used_at) VALUES ({userId}, {step}, {usedAt})
            ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step, used_at = excluded.used_at
            WHERE authenticator_uses.last_step < excluded.last_step
            """);
        return claimed == 1;
    }
}
