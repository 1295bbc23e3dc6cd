using System.Globalization;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>Cron expressions for the intervals the settings give as durations.</summary>
public static class JobSchedules
{
    /// <summary>
    /// Every <paramref name="interval"/>, aligned on the clock: whole seconds dividing a minute
    /// (<c>*/5 * * * * *</c>), whole minutes dividing an hour (<c>*/5 * * * *</c>), or whole hours
    /// dividing a day.
    /// </summary>
    public static string Every(TimeSpan interval)
    {
        var seconds = interval.TotalSeconds;
        if (seconds >= 1 && seconds < 60 && seconds % 1 == 0 && 60 % seconds == 0)
        {
            return seconds == 1 ? "* * * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{seconds} * * * * *");
        }

        var minutes = interval.TotalMinutes;
        if (minutes >= 1 && minutes < 60 && minutes % 1 == 0 && 60 % minutes == 0)
        {
            return minutes == 1 ? "* * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{minutes} * * * *");
        }

        var hours = interval.TotalHours;
        if (hours >= 1 && hours <= 24 && hours % 1 == 0 && 24 % hours == 0)
        {
            return hours == 24 ? "0 0 * * *" : string.Create(CultureInfo.InvariantCulture, $"0 */{hours} * * *");
        }

        throw new ArgumentOutOfRangeException(nameof(interval), interval,
            "A job interval must be whole seconds dividing a minute, whole minutes dividing an hour, or whole hours dividing a day.");
    }
}
