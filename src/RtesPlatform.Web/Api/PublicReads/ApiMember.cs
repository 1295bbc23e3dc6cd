using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>The member a value belongs to.</summary>
public sealed record ApiMember(string Slug, string Name, string Kind, string? RegionCode, int? Population)
{
    public static ApiMember From(ComparedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Slug, member.Name, TenantKindLabels.Code(member.Kind), member.RegionCode, member.Population);
    }
}
