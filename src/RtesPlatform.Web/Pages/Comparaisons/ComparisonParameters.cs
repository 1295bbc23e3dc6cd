using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The query string of the comparison pages, read without trusting it: an unreadable value is
/// dropped with a French message and the page shows the form with what could be kept.
/// Names: indicateur, fin (end year), fenetre (years, 1 = that year only; default 5), annee (that
/// year only: fin=annee&amp;fenetre=1), par-habitant, groupe, type, region, strate, membre (repeated
/// for a hand-picked list; the first one is the member highlighted), regroupement, p.
/// </summary>
public sealed class ComparisonParameters
{
    public const int MaxListMembers = 50;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>Peer groups as they travel in the address, with their French labels.</summary>
    public static IReadOnlyList<(string Code, string Label)> GroupOptions { get; } =
    [
        ("tout", "Tout le réseau"),
        ("semblables", "Collectivités qui lui ressemblent (même type et même strate dans sa région, élargi si besoin)"),
        ("type", "Même type de collectivité"),
        ("region", "Même région"),
        ("type-region", "Même type et même région"),
        ("type-strate", "Même type et même strate de population"),
        ("liste", "Liste choisie"),
    ];

    /// <summary>Groupings of the grouped view, with their aggregate kind.</summary>
    public static IReadOnlyList<(string Code, string Label, string GroupKind)> GroupingOptions { get; } =
    [
        ("type-region", "Par type et par région", PeerGroupKinds.KindRegion),
        ("type", "Par type de collectivité", PeerGroupKinds.Kind),
        ("region", "Par région", PeerGroupKinds.Region),
        ("type-strate", "Par type et strate de population", PeerGroupKinds.KindBand),
    ];

    private readonly List<string> _errors = [];

    public string? IndicatorCode { get; private set; }
    /// <summary>The end year of the window (<c>fin</c>, or <c>annee</c>).</summary>
    public int? Year { get; private set; }
    /// <summary>The number of years of the window (<c>fenetre</c>); null: the default.</summary>
    public int? WindowYears { get; private set; }
    /// <summary>Whether the address named the group (<c>groupe</c>): without it, a member in focus is compared with its look-alikes.</summary>
    public bool GroupAsked { get; private set; }
    public bool PerCapita { get; private set; }
    public string Group { get; private set; } = "tout";
    public string? Kind { get; private set; }
    public string? Region { get; private set; }
    public string? Band { get; private set; }
    public string Grouping { get; private set; } = "type-region";
    /// <summary>Slugs or names as typed, trimmed, without blanks or repeats.</summary>
    public IReadOnlyList<string> Members { get; private set; } = [];
    public int Page { get; private set; } = 1;
    public IReadOnlyList<string> Errors => _errors;

    public string? Focus => Members.Count > 0 ? Members[0] : null;

    public static ComparisonParameters Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new ComparisonParameters();
        parameters.Read(query);
        return parameters;
    }

    public void AddError(string message) => _errors.Add(message);

    private void Read(IQueryCollection query)
    {
        IndicatorCode = Single(query, "indicateur", 60);
        if (Single(query, "fin", 40) is { } end)
        {
            Year = ReadYear(end);
        }
        else if (Single(query, "annee", 40) is { } year)
        {
            // The address of a single year, as before windows existed.
            Year = ReadYear(year);
            WindowYears = 1;
        }

        if (Single(query, "fenetre", 12) is { } window)
        {
            if (int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= ComparisonValue.MaxWindow)
            {
                WindowYears = w;
            }
            else
            {
                AddError($"La fenêtre « {window} » n’est pas reconnue : indiquez un nombre d’années entre 1 (cette année seulement) et {ComparisonValue.MaxWindow}.");
            }
        }

        PerCapita = Single(query, "par-habitant", 10) is "1" or "on" or "true" or "oui";

        var group = Single(query, "groupe", 20);
        if (group is not null && GroupOptions.Any(o => o.Code == group))
        {
            Group = group;
            GroupAsked = true;
        }
        else if (group is not null)
        {
            AddError("Le groupe de comparaison demandé n’est pas reconnu : tout le réseau est comparé.");
        }

        var grouping = Single(query, "regroupement", 20);
        if (grouping is not null && GroupingOptions.Any(o => o.Code == grouping))
        {
            Grouping = grouping;
        }
        else if (grouping is not null)
        {
            AddError("Le regroupement demandé n’est pas reconnu : les groupes par type et région sont affichés.");
        }

        Kind = Single(query, "type", 40);
        Region = Single(query, "region", 10);
        Band = Single(query, "strate", 20);
        if (Band is not null && !PopulationBands.IsKnown(Band))
        {
            AddError("La strate de population demandée n’est pas reconnue.");
            Band = null;
        }

        ReadMembers(query["membre"]);

        if (Single(query, "p", 12) is { } page)
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1)
            {
                Page = p;
            }
            else
            {
                AddError("Le numéro de page n’est pas reconnu : la première page est affichée.");
            }
        }
    }

    private int? ReadYear(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear)
        {
            return y;
        }

        AddError($"L’année « {text} » n’est pas reconnue : indiquez une année de quatre chiffres, entre {MinYear} et {MaxYear}.");
        return null;
    }

    private void ReadMembers(StringValues values)
    {
        var members = values
            .Select(v => v?.Trim())
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (members.Count > MaxListMembers)
        {
            AddError($"Une liste choisie compte au plus {MaxListMembers} membres ; {members.Count} ont été demandés. Retirez-en pour comparer.");
            members = [];
        }

        var tooLong = members.FirstOrDefault(m => m.Length > 200);
        if (tooLong is not null)
        {
            AddError("Un nom de collectivité demandé est trop long pour être reconnu.");
            members.Remove(tooLong);
        }

        Members = members;
    }

    /// <summary>The first non-empty value of a parameter; an absurdly long one is treated as missing.</summary>
    private string? Single(IQueryCollection query, string name, int maxLength)
    {
        var value = query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            AddError($"La valeur du paramètre « {name} » est trop longue : elle est ignorée.");
            return null;
        }

        return value;
    }

    /// <summary>The query string of these parameters, for links (pages, exports, other views).</summary>
    public string QueryString(int? page = null, string? view = null, bool includeGrouping = false)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("vue", view);
        Add("indicateur", IndicatorCode);
        Add("fin", Year?.ToString(CultureInfo.InvariantCulture));
        Add("fenetre", WindowYears?.ToString(CultureInfo.InvariantCulture));
        Add("par-habitant", PerCapita ? "1" : null);
        // With a member in focus, no group means its look-alikes: "tout" must then be explicit.
        Add("groupe", Group == "tout" && Members.Count == 0 ? null : Group);
        Add("type", Kind);
        Add("region", Region);
        Add("strate", Band);
        if (includeGrouping)
        {
            Add("regroupement", Grouping);
        }

        foreach (var member in Members)
        {
            Add("membre", member);
        }

        Add("p", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(string.Empty, pairs);
    }

    /// <summary>The query string of the map of members: the indicator and its window only (the map has no peer group).</summary>
    public string MapQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (IndicatorCode is not null)
        {
            pairs.Add(new("indicateur", IndicatorCode));
            if (Year is { } year)
            {
                pairs.Add(new("fin", year.ToString(CultureInfo.InvariantCulture)));
            }

            if (WindowYears is { } window)
            {
                pairs.Add(new("fenetre", window.ToString(CultureInfo.InvariantCulture)));
            }

            if (PerCapita)
            {
                pairs.Add(new("par-habitant", "1"));
            }
        }

        return QueryHelpers.AddQueryString(string.Empty, pairs);
    }

    /// <summary>Sets values decided while resolving (the default year and window, a fallback).</summary>
    public void Settle(string? indicatorCode, int? year, bool perCapita, int? windowYears = null)
    {
        IndicatorCode = indicatorCode;
        Year = year;
        PerCapita = perCapita;
        WindowYears = windowYears ?? WindowYears;
    }

    public void SettleGroup(string group, string? kind, string? region, string? band)
    {
        Group = group;
        Kind = kind;
        Region = region;
        Band = band;
    }
}
