namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>The peer groups a user may ask for; the pages and the API name them in their own words.</summary>
public enum PeerGroupChoice
{
    All,
    Kind,
    Region,
    KindRegion,
    KindBand,
    /// <summary>"Collectivités qui me ressemblent": same kind and band in the focus's région, widened when too small.</summary>
    Similar,
    List,
}
