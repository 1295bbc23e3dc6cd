using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace RtesPlatform.Core.Features.ApiTokens;

/// <summary>
/// The text of a personal API token: <c>rtes_{prefix}_{secret}</c>, where the prefix is 8 random
/// lowercase hexadecimal characters (shown in lists) and the secret 32 random bytes in base64url.
/// Only the SHA-256 of the secret's bytes is stored.
/// </summary>
public static class ApiTokenSecrets
{
    public const string Scheme = "rtes_";
    public const int PrefixLength = 8;

    public static (string Token, string Prefix, byte[] Hash) NewToken()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = RandomNumberGenerator.GetBytes(32);
        return ($"{Scheme}{prefix}_{WebEncoders.Base64UrlEncode(secret)}", prefix, SHA256.HashData(secret));
    }

    /// <summary>Whether a bearer credential looks like a personal token (and not an Identity bearer token).</summary>
    public static bool LooksLikeToken(string? text) => text is not null && text.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>The prefix and the hash of a token as received; null when it cannot be a token at all.</summary>
    public static (string Prefix, byte[] Hash)? Parse(string? token)
    {
        // rtes_ + 8 + _ + 43 characters of base64url (32 bytes).
        if (token is null || token.Length != Scheme.Length + PrefixLength + 1 + 43 || !LooksLikeToken(token)
            || token[Scheme.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = token.Substring(Scheme.Length, PrefixLength);
        if (!prefix.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        try
        {
            var secret = WebEncoders.Base64UrlDecode(token[(Scheme.Length + PrefixLength + 1)..]);
            return secret.Length == 32 ? (prefix, SHA256.HashData(secret)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
