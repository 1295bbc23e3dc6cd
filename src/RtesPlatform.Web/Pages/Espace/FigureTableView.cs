using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// What the key-figures table needs: the rows as typed under <paramref name="Prefix"/>
/// (<c>Form</c>, <c>Panorama</c>), the name of the carry checkboxes and those ticked (none: the
/// latest year's rows), the input to focus, and the page's address for the row buttons (null: no
/// add or remove on this page).
/// </summary>
public sealed record FigureTableView(
    string Prefix, IReadOnlyList<KeyFigureInput> Rows, string CarryName, IReadOnlyList<int> Carry,
    IReadOnlyList<Source> Sources, IReadOnlyList<Indicator> Indicators, string? Focus, string? RowActions);
