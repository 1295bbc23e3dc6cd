namespace RtesPlatform.Core.Features.Indicators;

/// <summary>One of the tenant's values with its catalogue entry, for the back office.</summary>
public sealed record IndicatorValueRow(IndicatorValue Value, Indicator Indicator)
{
    public bool IsFromFiche => Value.Origin == ValueOrigin.Fiche;
}

/// <summary>One page of the tenant's values.</summary>
public sealed record IndicatorValuePage(IReadOnlyList<IndicatorValueRow> Rows, int PageNumber, int TotalPages, int TotalCount);
