using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>One public value of an indicator for one member and year.</summary>
public sealed record ApiIndicatorValue(
    ApiMember Tenant, string Indicator, int Year, decimal Value, FigureUnit Unit, ApiSource Source, ValueOrigin Origin, DateTimeOffset UpdatedAt);
