using System.Globalization;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>Numbers as files write them: invariant, without the trailing zeros of a column's scale.</summary>
public static class ExportNumbers
{
    /// <summary>158000.0000 → 158000, 0.8700 → 0.87 (same value, smallest scale).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>"158000", "0.87", "-3.5": decimal point, no thousands separator, no trailing zeros.</summary>
    public static string Invariant(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double ("0.8695652173913043").</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
