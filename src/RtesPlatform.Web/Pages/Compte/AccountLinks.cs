using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Links put in account mails: absolute, on the configured public address when set.</summary>
public static class AccountLinks
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Absolute(HttpRequest request, EmailOptions options, string path, IDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return QueryHelpers.AddQueryString(baseUrl + path, query);
    }

    /// <summary>The return address when one was given and it is local; else null (then the user's own landing page).</summary>
    public static string? LocalReturnUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? null : SafeReturnUrl(returnUrl) is var safe && safe == returnUrl ? safe : null;

    /// <summary>
    /// Where to go once signed in: a local <paramref name="returnUrl"/> wins; else an officer of one
    /// collectivity lands on its space, of several on the list of them, a network admin on the console.
    /// </summary>
    public static async Task<string> LandingAsync(string? returnUrl, RtesUser user, UserManager<RtesUser> userManager, CurrentUser currentUser, UserTenants tenants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(currentUser);
        ArgumentNullException.ThrowIfNull(tenants);
        if (LocalReturnUrl(returnUrl) is { } local)
        {
            return local;
        }

        // The request was anonymous when it began: the database session reads this user's memberships.
        currentUser.SignedIn(user.Id);
        return await tenants.HomeAsync(await userManager.IsInRoleAsync(user, NetworkRoles.NetworkAdmin), cancellationToken);
    }

    /// <summary>Only local return addresses: never redirect to another site after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
