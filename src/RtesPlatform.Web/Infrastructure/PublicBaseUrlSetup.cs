using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// The site's public address (<c>Email:PublicBaseUrl</c>), the only base of the links put in mails
/// (reset, confirmation, invitations, campaigns): never the request's Host header, which the client
/// chooses. Outside Development the host refuses to start without it. In Development it defaults to
/// the first address the server listens on (<c>urls</c>, as <c>./rtes run</c> sets it).
/// </summary>
public static class PublicBaseUrlSetup
{
    public const string Missing =
        "Email:PublicBaseUrl must be set to the site's public address (https://…): links in mails are never built from the request's Host header.";

    public static WebApplicationBuilder AddRtesPublicBaseUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment;
        var configuration = builder.Configuration;
        builder.Services.AddOptions<EmailOptions>()
            .PostConfigure(options =>
            {
                if (options.PublicBaseUrl is null && environment.IsDevelopment())
                {
                    options.PublicBaseUrl = ListeningAddress(configuration["urls"]);
                }
            })
            .Validate(options => options.PublicBaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp), Missing)
            .ValidateOnStart();
        return builder;
    }

    /// <summary>The first of the server's addresses, with a wildcard host made <c>localhost</c>; Kestrel's default otherwise.</summary>
    public static Uri ListeningAddress(string? urls)
    {
        var first = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return new Uri("http://localhost:5000/");
        }

        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out var url) ? url : new Uri("http://localhost:5000/");
    }
}
