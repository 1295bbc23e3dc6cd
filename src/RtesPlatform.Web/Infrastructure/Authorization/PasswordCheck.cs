using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Makes a refused sign-in cost what a real password check costs: when no password is checked —
/// no account has this email, or the account is locked — a password is verified against a dummy
/// hash made by the same hasher (same algorithm and iterations). The sign-in page and the token
/// endpoint then answer an unknown and an existing account in the same time and the same words.
/// </summary>
public sealed class PasswordCheck(IPasswordHasher<RtesUser> hasher)
{
    private static readonly RtesUser _nobody = new();
    private static string? _dummyHash;

    public void VerifyDummy(string password)
    {
        var hash = _dummyHash ??= hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(_nobody, hash, password ?? string.Empty);
    }
}
