using System.Text;
using Microsoft.AspNetCore.WebUtilities;
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

    /// <summary>Only local return addresses: never redirect to another site after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
