using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// Refuses passwords found in a list of common passwords (embedded <c>common-passwords.txt</c>),
/// compared without case, and passwords that are a common password followed only by digits or
/// symbols ("Password2026!").
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<RtesUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<RtesUser> manager, RtesUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "Ce mot de passe est trop courant : il figure dans les listes que les attaquants essaient en premier. Choisissez-en un autre, par exemple une phrase de plusieurs mots.",
            })
            : IdentityResult.Success);

    public static bool IsCommon(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!?.,;:-_*#@$%&+=/ ".ToCharArray());
        return CommonPasswords.Value.Contains(lower) || (stem.Length >= 4 && CommonPasswords.Value.Contains(stem));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("RtesPlatform.Core.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
