using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies (load balancer, ingress)
/// whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Empty (the default):
/// the headers are ignored, whoever sends them.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, one per entry ("10.0.0.5", "::1").</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the proxies, in CIDR notation ("10.0.0.0/8", "fd00::/8").</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row may have added an address (1: one proxy in front).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The listed proxies (blank entries, as an unset environment variable gives, ignored).</summary>
    public IEnumerable<string> Proxies => KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());

    public IEnumerable<string> Networks => KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim());

    public bool Enabled => Proxies.Any() || Networks.Any();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in Proxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        }

        foreach (var network in Networks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8).");
        }
    }
}
