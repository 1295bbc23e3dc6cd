using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Replaces the values a tenant's fiche provides with those of its newly published version, in
/// the publication's own transaction (so the figures and the fiche switch together). A value
/// typed in the back office for an indicator and year the fiche now provides is replaced by the
/// fiche's: the published fiche is the source of truth.
/// </summary>
public static class IndicatorValueSync
{
    public static async Task<IReadOnlyList<DerivedValue>> ApplyAsync(
        RtesDbContext db, FicheVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        var catalogue = await db.Indicators.AsNoTracking().Where(i => i.DerivedFrom != null).ToListAsync(cancellationToken);
        // A value the table cannot hold (a year out of 1990–2100, an absurd amount from an old
        // import) is left out rather than making the publication fail.
        var derived = IndicatorDerivation.Derive(version.Content, catalogue).Where(Storable).ToList();
        var keys = derived.Select(d => (d.IndicatorCode, d.Year)).ToHashSet();

        var existing = await db.IndicatorValues.ToListAsync(cancellationToken);
        foreach (var stale in existing.Where(v =>
                     (v.Origin == ValueOrigin.Fiche && !keys.Contains((v.IndicatorCode, v.Year)))))
        {
            db.IndicatorValues.Remove(stale);
        }

        var byKey = existing.ToDictionary(v => (v.IndicatorCode, v.Year));
        foreach (var value in derived)
        {
            if (byKey.TryGetValue((value.IndicatorCode, value.Year), out var row))
            {
                if (row.Origin == ValueOrigin.Fiche && row.Value == value.Value && row.SourceTitle == value.SourceTitle
                    && row.SourceUrl == value.SourceUrl && row.Visibility == ValueVisibility.Public)
                {
                    // Published again as it was: the figure is confirmed as of this publication.
                    row.FicheVersion = version.Number;
                    row.UpdatedAt = version.PublishedAt;
                    row.UpdatedBy = version.PublishedBy;
                    continue;
                }

                Fill(row, value, version);
            }
            else
            {
                var added = new IndicatorValue { TenantId = version.TenantId, IndicatorCode = value.IndicatorCode, Year = value.Year };
                Fill(added, value, version);
                db.IndicatorValues.Add(added);
            }
        }

        return derived;
    }

    /// <summary>Within the column's range (numeric(20,4)) and the table's years.</summary>
    private static bool Storable(DerivedValue value) =>
        value.Year is >= 1990 and <= 2100 && Math.Abs(value.Value) < 10_000_000_000_000_000m
        && (value.SourceUrl is null || value.SourceUrl.Length <= 500);

    private static void Fill(IndicatorValue row, DerivedValue value, FicheVersion version)
    {
        row.Value = value.Value;
        // What the public fiche shows is public.
        row.Visibility = ValueVisibility.Public;
        row.Origin = ValueOrigin.Fiche;
        row.SourceTitle = value.SourceTitle ?? $"Fiche publiée (version {version.Number})";
        row.SourceUrl = value.SourceUrl;
        row.FicheVersion = version.Number;
        row.UpdatedAt = version.PublishedAt;
        row.UpdatedBy = version.PublishedBy;
    }
}
