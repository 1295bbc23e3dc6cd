using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the connection comes from the proxy over HTTP. With
/// the proxies listed in <see cref="ForwardedHeadersSettings"/>, the client address and the scheme
/// are taken from <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> — only when the connection comes
/// from one of them — so the rate limits see each client, HSTS and Secure cookies see HTTPS, and logs
/// show the client. Without any listed proxy the middleware is not even added: the headers are
/// ignored (ASP.NET Core's default of trusting loopback is not kept either). <c>X-Forwarded-Host</c>
/// is never used: links in mails come from <c>Email:PublicBaseUrl</c>.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddRtesForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            var trusted = settings.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = trusted.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    public static WebApplication UseRtesForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
