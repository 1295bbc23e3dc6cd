using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// The one check for every redirect target a request may choose (<c>ReturnUrl</c> of sign-in,
/// two-factor verification and set-up, invitations, any later page): only a path of this site —
/// one "/" then no "/" or "\" (scheme-relative forms), no backslash anywhere, no control
/// character (a browser drops a tab or a line break, so "/\t/evil.example" would be "//evil.example"),
/// no lone surrogate, at most 2 048 characters. Anything else falls back to the person's home
/// (<see cref="AccueilModel.Path"/>, which knows their role). Never throws.
/// </summary>
public static class RedirectTargets
{
    public const int MaxLength = 2048;

    /// <summary>The target when it is a safe local path; null otherwise.</summary>
    public static string? Local(string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > MaxLength || target[0] != '/')
        {
            return null;
        }

        if (target.Length > 1 && target[1] is '/' or '\\')
        {
            return null;
        }

        if (target.Contains('\\', StringComparison.Ordinal) || Security.ControlCharacters.Contains(target, allowLineBreaks: false))
        {
            return null;
        }

        return Uri.TryCreate(target, UriKind.Relative, out _) ? target : null;
    }

    /// <summary>The target when safe, else the signed-in person's home.</summary>
    public static string OrHome(string? target) => Local(target) ?? AccueilModel.Path;
}
