using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The peer group asked for, by the pages and by the API alike: a choice, the kind, région and
/// band it may name (each taken from the focus member when not given), a hand-picked list.
/// <see cref="Resolve"/> gives the group, or says which part is missing.
/// </summary>
public sealed record PeerGroupRequest(
    PeerGroupChoice Choice,
    TenantKind? Kind = null,
    string? RegionCode = null,
    string? Band = null,
    IReadOnlyList<Guid>? Members = null,
    PeerMember? Focus = null)
{
    /// <summary>The smallest number of members with a value a "similar" group must have before it stops widening.</summary>
    public const int SimilarMinimum = 5;

    /// <summary>The group, or null with the parts the choice needs and lacks (<see cref="PeerGroupPart"/>).</summary>
    public (PeerGroup? Group, IReadOnlyList<PeerGroupPart> Missing) Resolve()
    {
        var kind = Kind ?? Focus?.Kind;
        var region = RegionCode ?? Focus?.RegionCode;
        var band = Band ?? PopulationBands.Of(Focus?.Population);
        var members = Members ?? [];
        var missing = new List<PeerGroupPart>();
        void Need(PeerGroupPart part, bool present)
        {
            if (!present)
            {
                missing.Add(part);
            }
        }

        switch (Choice)
        {
            case PeerGroupChoice.Kind:
                Need(PeerGroupPart.Kind, kind is not null);
                break;
            case PeerGroupChoice.Region:
                Need(PeerGroupPart.Region, region is not null);
                break;
            case PeerGroupChoice.KindRegion:
                Need(PeerGroupPart.Kind, kind is not null);
                Need(PeerGroupPart.Region, region is not null);
                break;
            case PeerGroupChoice.KindBand:
                Need(PeerGroupPart.Kind, kind is not null);
                Need(PeerGroupPart.Band, band is not null);
                break;
            case PeerGroupChoice.Similar:
                Need(PeerGroupPart.Kind, kind is not null);
                Need(PeerGroupPart.Band, band is not null);
                Need(PeerGroupPart.Region, region is not null);
                break;
            case PeerGroupChoice.List:
                Need(PeerGroupPart.Members, members.Count > 0);
                break;
            default:
                break;
        }

        if (missing.Count > 0)
        {
            return (null, missing);
        }

        PeerGroup group = Choice switch
        {
            PeerGroupChoice.Kind => PeerGroup.OfKind(kind!.Value),
            PeerGroupChoice.Region => PeerGroup.OfRegion(region!),
            PeerGroupChoice.KindRegion => PeerGroup.OfKindInRegion(kind!.Value, region!),
            PeerGroupChoice.KindBand => PeerGroup.OfKindInBand(kind!.Value, band!),
            PeerGroupChoice.Similar => PeerGroup.OfKindInBandInRegion(kind!.Value, band!, region!),
            PeerGroupChoice.List => PeerGroup.OfMembers(members),
            _ => PeerGroup.All,
        };
        return (group, []);
    }

    /// <summary>
    /// The steps a "similar" group widens through when it has fewer than <see cref="SimilarMinimum"/>
    /// members with a value: same kind and band nationally, same kind, the whole network.
    /// </summary>
    public static IReadOnlyList<PeerGroup> WideningSteps(PeerGroup similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        if (similar.GroupKind != PeerGroupKinds.KindBandRegion || similar.Kind is not { } kind)
        {
            return [similar];
        }

        return [similar, PeerGroup.OfKindInBand(kind, similar.Band!), PeerGroup.OfKind(kind), PeerGroup.All];
    }
}
