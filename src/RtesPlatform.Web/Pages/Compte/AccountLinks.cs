using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Links put in account mails: absolute, on the configured public address.</summary>
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

    /// <summary>
    /// A link on the site's configured public address, never on the request's Host header (which
    /// the client chooses): <c>Email:PublicBaseUrl</c> is required outside Development, and
    /// defaults there to the address the server listens on (<see cref="Infrastructure.PublicBaseUrlSetup"/>).
    /// </summary>
    public static string Absolute(EmailOptions options, string path, IDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.PublicBaseUrl?.ToString().TrimEnd('/')
            ?? throw new InvalidOperationException("Email:PublicBaseUrl is not set.");
        return QueryHelpers.AddQueryString(baseUrl + path, query);
    }

    /// <summary>The return address when one was given and it is local; else null (then the user's own landing page).</summary>
    public static string? LocalReturnUrl(string? returnUrl) => Infrastructure.Authorization.RedirectTargets.Local(returnUrl);

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

}
