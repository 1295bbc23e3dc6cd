using System.Text.Json;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Demo;

/// <summary>
/// The demo network: the collectivities of the seed documents, with their fiches (facts and
/// figures from the documents, narrative summarised, sources cited). Embedded as demo-network.json.
/// </summary>
public sealed record DemoNetwork(IReadOnlyList<DemoTenant> Tenants)
{
    public static DemoNetwork Load()
    {
        using var stream = typeof(DemoNetwork).Assembly.GetManifestResourceStream("RtesPlatform.Core.DemoNetwork.json")
            ?? throw new InvalidOperationException("The demo network resource is missing from RtesPlatform.Core.");
        return JsonSerializer.Deserialize<DemoNetwork>(stream, FicheJson.Options)
            ?? throw new InvalidOperationException("The demo network resource is empty.");
    }
}

public sealed record DemoTenant(
    string Slug,
    string ReferenceKind,
    string ReferenceCode,
    int? MembershipYear,
    string? Address,
    DateTimeOffset PublishedAt,
    FicheContent Content)
{
    /// <summary>The identifier <see cref="Tenants.TenantProvisioning"/> takes: a SIREN, or "kind:code".</summary>
    public string Identifier => ReferenceKind is "epci" or "ept" ? ReferenceCode : $"{ReferenceKind}:{ReferenceCode}";
}
