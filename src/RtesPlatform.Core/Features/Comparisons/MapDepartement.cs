namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// One département on the map of members: how many active members are located in it (a commune,
/// an intercommunality or an EPT by the département of its reference record — for a grouping, the
/// one holding most of its population —, a département by its own code; never a région), how many
/// of them are fictitious demonstration members, the first of them by name, and, with an
/// indicator, how many have a value in the window and the median, minimum and maximum of those
/// values (per capita when asked) with the years they come from.
/// </summary>
public sealed record MapDepartement(
    string Code,
    string Name,
    int Members,
    int FictitiousMembers,
    IReadOnlyList<MapMember> Listed,
    int WithValue,
    double? Median,
    double? Min,
    double? Max,
    YearSpan? Years)
{
    /// <summary>Overseas départements and collectivities (codes of three digits: 971 Guadeloupe … 976 Mayotte, 975, 977, 98x).</summary>
    public bool IsOverseas => Code.Length == 3;
}
