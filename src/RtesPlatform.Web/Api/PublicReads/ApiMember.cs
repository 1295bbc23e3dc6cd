using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>
/// The member a value belongs to. <see cref="FictitiousDemoData"/>: a fictitious member of the
/// Development demo, whose figures are invented (never in Production).
/// </summary>
public sealed record ApiMember(string Slug, string Name, string Kind, string? RegionCode, int? Population, bool FictitiousDemoData)
{
    public static ApiMember From(ComparedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Slug, member.Name, TenantKindLabels.Code(member.Kind), member.RegionCode, member.Population, member.IsFictitious);
    }
}
