using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>One tenant's value of one indicator for one year, with its source and visibility.</summary>
public sealed class IndicatorValue : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required string IndicatorCode { get; init; }
    public int Year { get; init; }
    public decimal Value { get; set; }
    public ValueVisibility Visibility { get; set; }
    public ValueOrigin Origin { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>The published fiche version a derived value comes from.</summary>
    public int? FicheVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
