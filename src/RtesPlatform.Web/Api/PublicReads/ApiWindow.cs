namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>The years a comparison spans: each member's latest value from <c>FirstYear</c> to <c>EndYear</c>; <c>AskedEndYear</c> when the year asked had no values and the nearest was taken.</summary>
public sealed record ApiWindow(int FirstYear, int EndYear, int Years, int? AskedEndYear);
