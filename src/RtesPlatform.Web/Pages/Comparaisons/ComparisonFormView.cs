namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// What the shared comparison form shows: the page it submits to and which controls it needs.
/// <see cref="Collapsed"/>: a result is shown, so the form folds behind "Modifier la comparaison"
/// (on a phone the result then starts in the first screen; a wide screen unfolds it by script).
/// </summary>
public sealed record ComparisonFormView(
    ComparisonRequest Selection, string Action, bool ShowYear, bool ShowGroup, bool ShowGrouping, bool MemberRequired, bool ShowWindow = false, bool Collapsed = false);
