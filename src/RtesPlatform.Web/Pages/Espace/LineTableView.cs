using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>What the budget-lines table needs (see <see cref="FigureTableView"/>).</summary>
public sealed record LineTableView(
    string Prefix, IReadOnlyList<BudgetLineInput> Rows, string CarryName, IReadOnlyList<int> Carry,
    IReadOnlyList<Source> Sources, string? Focus, string? RowActions);
