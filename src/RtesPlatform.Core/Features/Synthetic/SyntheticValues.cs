using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>An indicator of the catalogue as the generator needs it.</summary>
internal sealed record SyntheticIndicator(string Code, FigureUnit Unit, int? PerCapitaBase);

internal readonly record struct SyntheticValue(int Year, decimal Value, ValueVisibility Visibility);

/// <summary>
/// Plausible values of one member for one indicator over the years: amounts, counts and staff
/// proportional to the population (a log-normal rate per member, a network-wide "ESS intensity"
/// of the member shared by its indicators, a yearly trend and noise); percentages around a
/// typical share. Members start reporting in different years and skip some; about 85 % of
/// series are public, 10 % network-only, 5 % private.
/// </summary>
internal static class SyntheticValues
{
    /// <summary>Typical level (per <c>per_capita_base</c> inhabitants, or a percentage), spread, yearly growth.</summary>
    private static readonly Dictionary<string, (double Level, double Spread, double Growth)> _profiles = new(StringComparer.Ordinal)
    {
        ["budget_total"] = (6.0, 0.8, 0.04),
        ["budget_operating"] = (3.2, 0.8, 0.03),
        ["budget_investment"] = (1.4, 1.0, 0.05),
        ["budget_grants"] = (1.1, 0.9, 0.05),
        ["budget_partnerships"] = (0.5, 0.9, 0.04),
        ["staff_fte"] = (4.0, 0.6, 0.02),
        ["ess_employees"] = (45.0, 0.4, 0.015),
        ["ess_establishments"] = (35.0, 0.35, 0.01),
        ["ess_share_private_jobs"] = (12.0, 4.0, 0.0),
        ["share_associations"] = (77.0, 8.0, 0.0),
        ["share_cooperatives"] = (12.0, 5.0, 0.0),
        ["share_mutuals"] = (6.0, 3.0, 0.0),
        ["share_foundations"] = (5.0, 3.0, 0.0),
        ["social_clause_hours"] = (300.0, 1.0, 0.06),
        ["social_clause_fte"] = (18.0, 1.0, 0.06),
        ["social_clause_contracts"] = (25.0, 0.9, 0.05),
        ["social_clause_people"] = (8.0, 0.9, 0.05),
        ["associations_count"] = (25.0, 0.4, 0.005),
        ["scop_count"] = (6.0, 0.8, 0.03),
        ["scic_count"] = (2.0, 0.9, 0.08),
        ["esus_count"] = (10.0, 0.8, 0.06),
    };

    /// <summary>The member's ESS intensity: one log-normal factor shared by its indicators, so they correlate.</summary>
    public static double Intensity(ulong seed, string memberKey)
    {
        var random = new SyntheticRandom(SyntheticRandom.Hash(seed, memberKey));
        return Math.Exp(0.35 * random.NextGaussian());
    }

    public static void Generate(
        ulong seed, string memberKey, int? population, double intensity, SyntheticIndicator indicator,
        SyntheticNetworkScope scope, List<SyntheticValue> values)
    {
        values.Clear();
        var isShare = indicator.Unit == FigureUnit.Percent;
        if (!isShare && population is not > 0)
        {
            return;
        }

        var random = new SyntheticRandom(SyntheticRandom.Hash(seed, memberKey + "/" + indicator.Code));
        var draw = random.NextDouble();
        var visibility = draw < 0.85 ? ValueVisibility.Public : draw < 0.95 ? ValueVisibility.Network : ValueVisibility.Private;
        if (random.NextDouble() < 0.02)
        {
            return; // never reported
        }

        var firstYear = scope.FirstYear + (random.NextDouble() < 0.10 ? random.Next(1, 5) : 0);
        var (level, spread, growth) = _profiles.GetValueOrDefault(indicator.Code, Default(indicator.Unit));
        var memberLevel = isShare
            ? level + spread * random.NextGaussian()
            : level * intensity * Math.Exp(spread * random.NextGaussian()) * population!.Value / (indicator.PerCapitaBase ?? 1000);

        foreach (var year in scope.Years)
        {
            var noise = random.NextGaussian();
            var rounding = random.NextDouble();
            if (year < firstYear || random.NextDouble() < 0.03)
            {
                continue;
            }

            double value;
            if (isShare)
            {
                value = Math.Round(Math.Clamp(memberLevel + 0.8 * noise, 0, 100), 1);
            }
            else
            {
                var expected = memberLevel * Math.Pow(1 + growth, year - scope.FirstYear) * Math.Exp(0.08 * noise);
                value = indicator.Unit switch
                {
                    FigureUnit.Fte => Math.Round(expected, 1),
                    // Random rounding keeps small members' expected counts right (0 or 1 SCOP, not always 0).
                    _ => Math.Floor(expected + rounding),
                };
            }

            values.Add(new SyntheticValue(year, (decimal)value, visibility));
        }
    }

    private static (double, double, double) Default(FigureUnit unit) => unit switch
    {
        FigureUnit.Percent => (30.0, 15.0, 0.0),
        FigureUnit.Euros => (2.0, 0.8, 0.03),
        _ => (10.0, 0.8, 0.02),
    };
}
