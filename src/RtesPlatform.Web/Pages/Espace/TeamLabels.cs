using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>French names of the team roles.</summary>
public static class TeamLabels
{
    public static IReadOnlyList<KeyValuePair<string, string>> Roles { get; } =
    [
        new(TenantRole.Editor, "Rédacteur ou rédactrice"),
        new(TenantRole.Admin, "Administrateur ou administratrice"),
    ];

    /// <summary>"7 jours", "12 heures": how long an invitation link stays valid.</summary>
    public static string Lifetime(TimeSpan lifetime) =>
        lifetime.TotalDays >= 2 ? $"{(int)lifetime.TotalDays} jours"
        : lifetime.TotalHours >= 2 ? $"{(int)lifetime.TotalHours} heures"
        : $"{Math.Max(1, (int)lifetime.TotalMinutes)} minutes";

    public static string Role(string role) => role == TenantRole.Admin ? "Administrateur ou administratrice" : "Rédacteur ou rédactrice";
}
