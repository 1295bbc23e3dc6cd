using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// The network's indicator catalogue, kept by network admins. New indicators are provided by
/// panorama figures ("figure"), so that officers can tag their key figures with them. The code
/// never changes (values and aggregates point to it); the unit only while no value exists.
/// </summary>
public sealed partial class IndicatorCatalogue(RtesDbContext db, TimeProvider clock)
{
    /// <summary>The numbers of inhabitants a per-capita figure may be expressed for.</summary>
    public static IReadOnlyList<int> PerCapitaBases { get; } = [1, 1_000, 10_000, 100_000];

    public async Task<IReadOnlyList<Indicator>> ListAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    /// <summary>The indicators a panorama figure may be tagged with.</summary>
    public async Task<IReadOnlyList<Indicator>> FigureIndicatorsAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().Where(i => i.DerivedFrom == IndicatorDerivation.FromFigures)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    public Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);

    /// <summary>
    /// Whether values of the indicator exist. Reads every tenant's rows the session may see (row-level
    /// security still hides other tenants' private values).
    /// </summary>
    /// <summary>
    /// Whether any tenant holds a value of the indicator, private values included (row-level
    /// security hides those from the catalogue page, so the database answers through a function).
    /// </summary>
    public async Task<bool> HasValuesAsync(string code, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT app.indicator_has_values({code}) AS \"Value\"").SingleAsync(cancellationToken);

    /// <summary>Creates an indicator; the problems to show next to their fields when refused.</summary>
    public async Task<IReadOnlyList<IndicatorProblem>> CreateAsync(IndicatorDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = Check(definition).ToList();
        if (!IsValidCode(definition.Code))
        {
            problems.Add(new(nameof(IndicatorDefinition.Code), CodeRule));
        }
        else if (await db.Indicators.AnyAsync(i => i.Code == definition.Code, cancellationToken))
        {
            problems.Add(Duplicate());
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var sortOrder = definition.SortOrder
            ?? ((await db.Indicators.MaxAsync(i => (int?)i.SortOrder, cancellationToken)) ?? 0) + 10;
        db.Indicators.Add(new Indicator
        {
            Code = definition.Code,
            LabelFr = definition.LabelFr,
            LabelEn = definition.LabelEn,
            Unit = definition.Unit,
            Definition = definition.Definition,
            Category = definition.Category,
            PerCapitaBase = definition.PerCapitaBase,
            DefaultVisibility = definition.DefaultVisibility,
            DerivedFrom = IndicatorDerivation.FromFigures,
            SortOrder = sortOrder,
            UpdatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin created the same code between the check and the insert.
            db.ChangeTracker.Clear();
            return [Duplicate()];
        }
    }

    /// <summary>Changes an indicator (never its code); null when it does not exist.</summary>
    public async Task<IReadOnlyList<IndicatorProblem>?> UpdateAsync(IndicatorDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Code == definition.Code, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var problems = Check(definition).ToList();
        if (definition.Unit != indicator.Unit && await HasValuesAsync(indicator.Code, cancellationToken))
        {
            problems.Add(new(nameof(IndicatorDefinition.Unit),
                "Des collectivités ont déjà des valeurs de cet indicateur : son unité ne peut plus changer. Créez un autre indicateur."));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        indicator.LabelFr = definition.LabelFr;
        indicator.LabelEn = definition.LabelEn;
        indicator.Unit = definition.Unit;
        indicator.Definition = definition.Definition;
        indicator.Category = definition.Category;
        indicator.PerCapitaBase = definition.PerCapitaBase;
        indicator.DefaultVisibility = definition.DefaultVisibility;
        indicator.SortOrder = definition.SortOrder ?? indicator.SortOrder;
        indicator.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static IEnumerable<IndicatorProblem> Check(IndicatorDefinition definition)
    {
        if (definition.PerCapitaBase is { } perCapita && !PerCapitaBases.Contains(perCapita))
        {
            yield return new(nameof(IndicatorDefinition.PerCapitaBase), "Choisissez une base de population dans la liste.");
        }
        else if (definition.PerCapitaBase is not null && definition.Unit == FigureUnit.Percent)
        {
            yield return new(nameof(IndicatorDefinition.PerCapitaBase), "Un pourcentage ne se divise pas par la population : choisissez « non ».");
        }
    }

    /// <summary>Lower-case letters, digits and "_", starting with a letter, 2 to 60 characters.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public const string CodeRule =
        "Le code commence par une lettre minuscule, suivie de 1 à 59 lettres minuscules, chiffres ou « _ » (par exemple « ess_volunteers »).";

    private static IndicatorProblem Duplicate() =>
        new(nameof(IndicatorDefinition.Code), "Ce code est déjà celui d’un indicateur du catalogue : choisissez-en un autre.");

    [GeneratedRegex("^[a-z][a-z0-9_]{1,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
