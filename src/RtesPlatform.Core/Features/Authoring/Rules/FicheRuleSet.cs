using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>
/// <see cref="FicheRules"/> with their context read from the database (figure indicators of the
/// catalogue, themes) and the clock: what <see cref="DraftEditor"/>, the legacy importer and the
/// demo seed call before writing a draft.
/// </summary>
public sealed class FicheRuleSet(RtesDbContext db, TimeProvider clock)
{
    private FicheRuleContext? _context;

    public async Task<FicheRuleContext> ContextAsync(CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            var indicators = await db.Indicators.AsNoTracking()
                .Where(i => i.DerivedFrom == IndicatorDerivation.FromFigures).ToListAsync(cancellationToken);
            var themes = await db.Themes.AsNoTracking().Select(t => t.Code).ToListAsync(cancellationToken);
            _context = new FicheRuleContext(clock.GetUtcNow().Year, indicators, themes.ToHashSet(StringComparer.Ordinal));
        }

        return _context;
    }

    /// <summary>The broken rules of the whole fiche.</summary>
    public async Task<IReadOnlyList<FicheRuleError>> CheckAsync(FicheContent content, CancellationToken cancellationToken) =>
        FicheRules.Check(content, await ContextAsync(cancellationToken));

    /// <summary>The broken rules of the sections that differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<FicheRuleError>> CheckChangesAsync(FicheContent before, FicheContent after, CancellationToken cancellationToken)
    {
        var changed = FicheRules.ChangedSections(before, after);
        return changed.Count == 0 ? [] : FicheRules.Check(after, await ContextAsync(cancellationToken), changed);
    }
}
