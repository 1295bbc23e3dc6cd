namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The "new source" fields of a figure's row: <paramref name="Prefix"/> is the row's form key, <paramref name="RowName"/> names the row for screen readers.</summary>
public sealed record NewSourceCell(string Prefix, NewSourceInput Input, string RowName);
