namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>What the shared comparison form shows: the page it submits to and which controls it needs.</summary>
public sealed record ComparisonFormView(
    ComparisonRequest Selection, string Action, bool ShowYear, bool ShowGroup, bool ShowGrouping, bool MemberRequired, bool ShowWindow = false);
