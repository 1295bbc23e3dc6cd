using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>What the budget section gave: lines, staff, and the input lines that became data.</summary>
internal sealed record LegacyBudgetResult(
    IReadOnlyList<BudgetLine> Lines,
    StaffFigure? Staff,
    IReadOnlySet<int> BudgetLineNumbers,
    IReadOnlySet<int> MarkerNumbers);
