using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A member of the network, as the public directory shows it.</summary>
public sealed record ApiTenant(
    string Slug,
    string Name,
    string Kind,
    string KindLabel,
    string? Siren,
    string? InseeCode,
    int? Population,
    int? PopulationVintage,
    string? RegionCode,
    string? RegionName,
    string? DepartementCode,
    string? DepartementName,
    string? Address,
    int? MembershipYear,
    int? PublishedVersion,
    DateTimeOffset? PublishedAt,
    ApiTenantLinks Links)
{
    public static ApiTenant From(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var self = $"{ApiSetup.Prefix}/tenants/{tenant.Slug}";
        return new(
            tenant.Slug, tenant.Name, TenantKindLabels.Code(tenant.Kind), TenantKindLabels.French(tenant.Kind),
            tenant.Siren?.Trim(), tenant.InseeCode?.Trim(), tenant.Population, tenant.PopulationVintage,
            tenant.RegionCode, tenant.RegionName, tenant.DepartementCode, tenant.DepartementName, tenant.Address,
            tenant.MembershipYear, tenant.PublishedVersion, tenant.PublishedAt,
            new ApiTenantLinks(self, tenant.PublishedVersion is null ? null : self + "/fiche", $"/collectivites/{tenant.Slug}"));
    }
}

/// <summary>Where to read more about a member: this resource, its published fiche (if any), its public page.</summary>
public sealed record ApiTenantLinks(string Self, string? Fiche, string Html);

/// <summary>A published version of a fiche: its sections as structured JSON (contacts: only those who consented).</summary>
public sealed record ApiFiche(
    string Tenant,
    string TenantName,
    int Version,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Themes,
    FicheContent Content,
    ApiFicheLinks Links)
{
    public static ApiFiche From(Tenant tenant, FicheVersion version)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(version);
        var tenantLink = $"{ApiSetup.Prefix}/tenants/{tenant.Slug}";
        return new(
            tenant.Slug, tenant.Name, version.Number, version.PublishedAt, version.ThemeCodes, version.Content,
            new ApiFicheLinks($"{tenantLink}/fiche/versions/{version.Number}", tenantLink, $"/collectivites/{tenant.Slug}"));
    }
}

public sealed record ApiFicheLinks(string Self, string Tenant, string Html);

/// <summary>An indicator of the network's catalogue.</summary>
public sealed record ApiIndicator(
    string Code,
    string LabelFr,
    string LabelEn,
    FigureUnit Unit,
    string Definition,
    IndicatorCategory Category,
    int? PerCapitaBase,
    string? DerivedFrom,
    DateTimeOffset UpdatedAt,
    ApiIndicatorLinks Links)
{
    public static ApiIndicator From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var self = $"{ApiSetup.Prefix}/indicators/{indicator.Code}";
        return new(
            indicator.Code, indicator.LabelFr, indicator.LabelEn, indicator.Unit, indicator.Definition, indicator.Category,
            indicator.PerCapitaBase, indicator.DerivedFrom, indicator.UpdatedAt,
            new ApiIndicatorLinks(self, self + "/values", $"{ApiSetup.Prefix}/comparisons/{indicator.Code}"));
    }
}

public sealed record ApiIndicatorLinks(string Self, string Values, string Comparison);

/// <summary>The member a value belongs to.</summary>
public sealed record ApiMember(string Slug, string Name, string Kind, string? RegionCode, int? Population)
{
    public static ApiMember From(ComparedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Slug, member.Name, TenantKindLabels.Code(member.Kind), member.RegionCode, member.Population);
    }
}

/// <summary>Where a value comes from.</summary>
public sealed record ApiSource(string? Title, string? Url);

/// <summary>One public value of an indicator for one member and year.</summary>
public sealed record ApiIndicatorValue(
    ApiMember Tenant, string Indicator, int Year, decimal Value, FigureUnit Unit, ApiSource Source, ValueOrigin Origin, DateTimeOffset UpdatedAt);

/// <summary>The peer group of a comparison.</summary>
public sealed record ApiPeerGroup(string Group, string? Kind, string? RegionCode, string? Band, IReadOnlyList<string> Members);

/// <summary>Median, quartiles and extremes of the compared metric (the value, or per capita).</summary>
public sealed record ApiDistribution(int Count, double Min, double Q1, double Median, double Q3, double Max, double? Total, long? Population)
{
    public static ApiDistribution? From(Distribution? distribution) => distribution is null
        ? null
        : new(distribution.Count, distribution.Min, distribution.Q1, distribution.Median, distribution.Q3, distribution.Max,
            distribution.Total, distribution.Population);
}

/// <summary>A member's rank in a comparison (ties share a rank), its value and the compared metric.</summary>
public sealed record ApiRankedValue(int? Rank, ApiMember Tenant, int Year, decimal Value, double Metric, ApiSource Source);

/// <summary>A member of a chosen list without a value for the year: its nearest year's value, or nothing.</summary>
public sealed record ApiMissingMember(ApiMember Tenant, int? NearestYear, decimal? NearestValue, double? NearestMetric);

/// <summary>A year with public values, and how many members have one.</summary>
public sealed record ApiYear(int Year, int Members);

/// <summary>One indicator and year compared across a peer group (public values only).</summary>
public sealed record ApiComparison(
    ApiIndicator Indicator,
    int Year,
    bool PerCapita,
    ApiPeerGroup Group,
    ApiDistribution? Distribution,
    IReadOnlyList<ApiRankedValue> Items,
    IReadOnlyList<ApiMissingMember> Missing,
    int Page,
    int PageSize,
    int TotalItems,
    int TotalPages,
    IReadOnlyList<ApiYear> Years);
