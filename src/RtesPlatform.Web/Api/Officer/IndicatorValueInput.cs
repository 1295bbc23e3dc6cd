namespace RtesPlatform.Web.Api.Officer;

/// <summary>The body of <c>PUT …/indicators/{code}/values/{year}</c>: a value typed by hand, with its source.</summary>
public sealed record IndicatorValueInput
{
    public decimal? Value { get; init; }
    public string? SourceTitle { get; init; }
    public string? SourceUrl { get; init; }
    /// <summary>Public, Network or Private; omitted: the indicator's default visibility.</summary>
    public string? Visibility { get; init; }
}
