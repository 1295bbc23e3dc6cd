using System.Globalization;
using Hangfire.Server;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// A running job's progress, kept as its job parameter <see cref="Parameter"/> ("42|message"), so
/// that the jobs page of any node shows it (<see cref="JobsOverview"/>).
/// </summary>
public static class JobProgress
{
    public const string Parameter = "Progress";

    public static void Report(PerformContext? context, int percent, string message)
    {
        context?.SetJobParameter(Parameter, string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(percent, 0, 100)}|{message}"));
    }

    /// <summary>The percentage and message of a stored progress value, if it is one.</summary>
    public static (int Percent, string Message)? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Job parameters are stored as JSON strings.
        var text = value.Trim('"');
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && int.TryParse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent)
            ? (percent, text[(bar + 1)..])
            : null;
    }
}
