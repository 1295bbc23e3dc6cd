using System.Globalization;

namespace RtesPlatform.Web.Infrastructure.Jobs;

/// <summary>
/// The jobs page's words: schedules as people say them ("tous les jours à 2 h 30", "toutes les
/// minutes"), Paris times with "1er", durations.
/// </summary>
public static class JobText
{
    private static readonly CultureInfo _fr = WebSetup.French;

    private static readonly string[] _days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>A cron expression (five fields, or six with the seconds first), in words, Paris time.</summary>
    public static string Schedule(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f == "?" ? "*" : f).ToArray();
        if (fields.Length == 6)
        {
            if (fields[1..].All(f => f == "*"))
            {
                return Every(fields[0], "toutes les secondes", "secondes") ?? Fallback(cron);
            }

            if (fields[0] != "0")
            {
                return Fallback(cron);
            }

            fields = fields[1..];
        }

        if (fields.Length != 5)
        {
            return Fallback(cron);
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (hour == "*" && dayOfMonth == "*" && month == "*" && dayOfWeek == "*")
        {
            return Every(minute, "toutes les minutes", "minutes") ?? Fallback(cron);
        }

        if (!int.TryParse(minute, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59 || month != "*")
        {
            return Fallback(cron);
        }

        if (dayOfMonth == "*" && dayOfWeek == "*" && hour.StartsWith("*/", StringComparison.Ordinal)
            && int.TryParse(hour.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            var past = m == 0 ? "" : $", à {m}\u00a0min";
            return (hours == 1 ? "toutes les heures" : $"toutes les {hours}\u00a0heures") + past;
        }

        if (!int.TryParse(hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
        {
            return Fallback(cron);
        }

        var at = "à " + Clock(h, m);
        if (dayOfMonth == "*" && dayOfWeek == "*")
        {
            return "tous les jours " + at;
        }

        if (dayOfMonth == "*" && DayOfWeek(dayOfWeek) is { } day)
        {
            return $"tous les {day}s {at}";
        }

        if (dayOfWeek == "*" && int.TryParse(dayOfMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31)
        {
            return $"le {(d == 1 ? "1er" : d.ToString(CultureInfo.InvariantCulture))} de chaque mois {at}";
        }

        return Fallback(cron);
    }

    /// <summary>"7 décembre 2026 à 3 h 00", "1er mars 2027 à 14 h 05", Paris time; "—" for none.</summary>
    public static string When(DateTimeOffset? instant)
    {
        if (instant is not { } value)
        {
            return "—";
        }

        var paris = TimeZoneInfo.ConvertTime(value, ParisCalendar.Zone);
        var day = paris.Day == 1 ? "1er" : paris.Day.ToString(CultureInfo.InvariantCulture);
        return $"{day} {paris.ToString("MMMM yyyy", _fr)} à {Clock(paris.Hour, paris.Minute)}";
    }

    /// <summary>"2 h 30", "3 h 00".</summary>
    public static string Clock(int hour, int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{hour}\u00a0h\u00a0{minute:00}");

    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{Math.Round(duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\u00a0ms",
        < 120 => $"{duration.TotalSeconds.ToString("0.#", _fr)}\u00a0s",
        _ => $"{((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)}\u00a0min {duration.Seconds.ToString(CultureInfo.InvariantCulture)}\u00a0s",
    };

    /// <summary>"nœud 1".</summary>
    public static string Node(int? number) => number is { } n ? $"nœud {n.ToString(CultureInfo.InvariantCulture)}" : "nœud arrêté depuis";

    private static string? Every(string field, string one, string unit)
    {
        if (field == "*")
        {
            return one;
        }

        return field.StartsWith("*/", StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n == 1 ? one : $"toutes les {n.ToString(CultureInfo.InvariantCulture)}\u00a0{unit}"
            : null;
    }

    private static string? DayOfWeek(string field)
    {
        if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 7)
        {
            return _days[n % 7];
        }

        string[] names = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
        var index = Array.IndexOf(names, field.ToUpperInvariant());
        return index >= 0 ? _days[index] : null;
    }

    private static string Fallback(string cron) => $"selon la planification « {cron} » (heure de Paris)";
}
