using System.Globalization;
using System.Text;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.LegacyImport.Matching;

/// <summary>
/// Reduces a collectivity's name to the words that identify it, so that "Communauté
/// d'agglomération de La Rochelle", "CA de La Rochelle" and "Agglomération de La Rochelle"
/// compare equal, and tells which kind of record a name points to.
/// </summary>
public static class CollectivityNames
{
    private static readonly HashSet<string> _generic =
    [
        "communaute", "communes", "commune", "cc", "ca", "cu", "agglomeration", "agglo", "urbaine",
        "metropole", "eurometropole", "conseil", "departemental", "departement", "regional", "region",
        "ville", "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "sur", "ept", "territoire",
        "etablissement", "public", "territorial", "collectivite", "europeenne",
    ];

    /// <summary>The identifying words of a name, lower-case, without accents, in order.</summary>
    public static IReadOnlyList<string> CoreWords(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return [.. Words(name).Where(w => !_generic.Contains(w))];
    }

    /// <summary>All words, lower-case, without accents ("Grand-Est" → grand, est).</summary>
    public static IEnumerable<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Replace("œ", "oe", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Which kinds of record a fiche's name (and stated type) can designate.</summary>
    public static IReadOnlySet<RefKind> KindsFor(string name, Tenants.TenantKind? statedKind)
    {
        var words = Words(name).ToList();
        bool Has(string w) => words.Contains(w);
        var kinds = statedKind switch
        {
            Tenants.TenantKind.Region => [RefKind.Region],
            Tenants.TenantKind.Departement => [RefKind.Departement],
            Tenants.TenantKind.Commune => [RefKind.Commune],
            Tenants.TenantKind.EtablissementPublicTerritorial => [RefKind.Ept],
            Tenants.TenantKind.CommunauteDeCommunes or Tenants.TenantKind.CommunauteAgglomeration
                or Tenants.TenantKind.CommunauteUrbaine or Tenants.TenantKind.Metropole => [RefKind.Epci],
            _ => new HashSet<RefKind>(),
        };
        if (kinds.Count > 0)
        {
            return kinds;
        }

        if (Has("region") || Has("regional"))
        {
            return new HashSet<RefKind> { RefKind.Region };
        }

        if (Has("departement") || Has("departemental"))
        {
            return new HashSet<RefKind> { RefKind.Departement };
        }

        if (Has("ville") || (Has("commune") && !Has("communaute")))
        {
            return new HashSet<RefKind> { RefKind.Commune };
        }

        if (Has("communaute") || Has("agglomeration") || Has("metropole") || Has("eurometropole") || Has("cc") || Has("ca") || Has("cu"))
        {
            return new HashSet<RefKind> { RefKind.Epci, RefKind.Ept };
        }

        return new HashSet<RefKind> { RefKind.Epci, RefKind.Ept, RefKind.Commune, RefKind.Departement, RefKind.Region };
    }

    /// <summary>Similarity of two word lists: shared words over the larger list (1 = same words).</summary>
    public static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Distinct().Count(b.Contains);
        return (double)shared / Math.Max(a.Distinct().Count(), b.Distinct().Count());
    }
}
