using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace RtesPlatform.Core.Features.Team;

/// <summary>Invitation tokens: 32 random bytes in the mail (base64url), their SHA-256 in the database.</summary>
public static class InvitationTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hash of a token as received; null when it cannot be a token at all.</summary>
    public static byte[]? Hash(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(token);
            return bytes.Length == 32 ? SHA256.HashData(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
