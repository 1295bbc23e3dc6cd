namespace RtesPlatform.Core.Features.Tenants;

/// <summary>The orders of the members' directory (the page's <c>tri</c>).</summary>
public enum DirectorySort
{
    Name,
    PopulationDescending,
    MembershipYear,
    LastPublished,
}
