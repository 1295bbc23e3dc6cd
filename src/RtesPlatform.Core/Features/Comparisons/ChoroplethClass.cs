namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// One class of a choropleth: <see cref="Number"/> from 1 (lowest values) up, its bounds and how
/// many of the classified values fall in it. The first class holds <see cref="Lower"/>; every
/// class holds its <see cref="Upper"/> bound and the values above the previous class's.
/// </summary>
public sealed record ChoroplethClass(int Number, double Lower, double Upper, int Count);
