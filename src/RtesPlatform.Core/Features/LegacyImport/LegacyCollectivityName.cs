using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// What a collectivity's name looks like in the export, and the kind it implies
/// ("Communauté de communes …" → CC, "… Agglomération" → CA, "Strasbourg Eurométropole" → métropole).
/// </summary>
internal static partial class LegacyCollectivityName
{
    private const int MaxLength = 110;
    private const int MaxWords = 16;

    private static readonly HashSet<string> _particles = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "sur", "sous", "lès", "lez", "aux", "au", "à", "a",
    };

    // Lower-case words that belong in the official names of collectivities.
    private static readonly HashSet<string> _kindWords = new(StringComparer.Ordinal)
    {
        "communes", "commune", "agglomération", "urbaine", "départemental", "départementale", "régional",
        "régionale", "territorial", "territoriale", "public", "publique", "métropole", "eurométropole",
        "métropolitaine", "général", "générale", "conseil", "ville", "pays", "pôle", "équilibre", "rural",
        "syndicat", "mixte", "intercommunal", "intercommunale", "établissement", "collectivité", "européenne",
        "unique", "agglo",
    };

    /// <summary>
    /// A name is one short line (≤ 110 characters, ≤ 16 words) that starts with a capital letter,
    /// has no ":" and no final punctuation, is not a list item, and in which every word is
    /// capitalised, a number, a linking word (de, du, la, l', et, sur…) or a word of collectivity
    /// names (communes, agglomération, départemental…). "Le forum nécESSaire" or "Les orientations
    /// du SRDEII" are sub-headings of a narrative, not names: they have ordinary lower-case words.
    /// A line that starts like a collectivity's official name ("Communauté de communes de l'île
    /// d'Oléron", "Ville de …", "Conseil départemental de …") may have any words.
    /// </summary>
    public static bool HasNameShape(string line)
    {
        if (line.Length is < 2 or > MaxLength || !char.IsUpper(line[0]) || LegacyText.IsBullet(line)
            || line.Contains(':', StringComparison.Ordinal) || line[^1] is '.' or ';' or ',' or '!' or '?' or '…')
        {
            return false;
        }

        var words = LegacyText.ForMatching(line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords && (words.All(IsNameWord) || NamePrefix().IsMatch(LegacyText.Key(line)));
    }

    /// <summary>Starts or ends like the name of a kind of collectivity ("Ville de …", "… Agglomération").</summary>
    public static bool LooksLikeCollectivity(string line) => KindFromName(line) is not null;

    public static TenantKind? KindFromName(string name)
    {
        var key = LegacyText.Key(name);
        if (key.StartsWith("communauté de communes", StringComparison.Ordinal))
        {
            return TenantKind.CommunauteDeCommunes;
        }

        if (key.StartsWith("communauté urbaine", StringComparison.Ordinal))
        {
            return TenantKind.CommunauteUrbaine;
        }

        if (key.StartsWith("communauté d'agglomération", StringComparison.Ordinal) || AgglomerationSuffix().IsMatch(key))
        {
            return TenantKind.CommunauteAgglomeration;
        }

        if (MetropoleWord().IsMatch(key))
        {
            return TenantKind.Metropole;
        }

        return KindPrefix().Match(key) is { Success: true } match ? FromPrefix(match.Groups["kind"].Value) : null;
    }

    /// <summary>The kind written under "Type de collectivité" ("Conseil régional", "Métropole"…).</summary>
    public static TenantKind? KindFromType(string typeText)
    {
        var key = LegacyText.Key(typeText);
        return key switch
        {
            "commune" or "ville" or "mairie" => TenantKind.Commune,
            "ept" or "territoire" => TenantKind.EtablissementPublicTerritorial,
            "région" or "conseil régional" => TenantKind.Region,
            "département" or "conseil départemental" or "conseil général" => TenantKind.Departement,
            "petr" or "pays" or "syndicat mixte" or "pôle d'équilibre territorial et rural" => TenantKind.Other,
            _ => KindFromName(typeText),
        };
    }

    private static TenantKind? FromPrefix(string prefix) => prefix switch
    {
        "établissement public territorial" or "ept" => TenantKind.EtablissementPublicTerritorial,
        "conseil départemental" or "conseil général" or "département" => TenantKind.Departement,
        "conseil régional" or "région" => TenantKind.Region,
        "ville" or "commune" or "mairie" => TenantKind.Commune,
        "pôle d'équilibre territorial" or "syndicat mixte" => TenantKind.Other,
        _ => null,
    };

    private static bool IsNameWord(string word)
    {
        // "d'agglomération", "l'Aisne": judge the part after the apostrophe.
        var apostrophe = word.LastIndexOf('\'');
        var core = apostrophe >= 0 && apostrophe < word.Length - 1 ? word[(apostrophe + 1)..] : word;
        core = core.Trim('(', ')', '"', '«', '»', ',');
        if (core.Length == 0 || !char.IsLetterOrDigit(core[0]))
        {
            return true;
        }

        if (char.IsUpper(core[0]) || char.IsDigit(core[0]))
        {
            return true;
        }

        var lower = core.ToLowerInvariant();
        return _particles.Contains(lower) || _kindWords.Contains(lower) || _kindWords.Contains(lower.Split('-')[0]);
    }

    [GeneratedRegex(@"^(?:communauté (?:de communes|d'agglomération|urbaine)|(?:ville|commune|mairie) d[e']|département d[eu' ]|conseil (?:départemental|régional|général)|établissement public territorial|(?:euro)?métropole d[eu' ]) ?")]
    private static partial Regex NamePrefix();

    [GeneratedRegex(@"(?:^| )(?:agglomération|agglo)$")]
    private static partial Regex AgglomerationSuffix();

    [GeneratedRegex(@"(?:^|[ '-])(?:eurométropole|métropole)(?:$|[ -])")]
    private static partial Regex MetropoleWord();

    [GeneratedRegex(@"^(?<kind>établissement public territorial|ept|conseil départemental|conseil général|département|conseil régional|région|ville|commune|mairie|pôle d'équilibre territorial|syndicat mixte)(?: |$|')")]
    private static partial Regex KindPrefix();
}
