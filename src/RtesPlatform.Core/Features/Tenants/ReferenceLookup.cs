using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// Finds the official record of a collectivity to add, from what a person types: a SIREN
/// ("243 500 139", spaces allowed), an INSEE commune code ("17300"), a prefixed code
/// ("departement:08", "region:44"), or a name ("rennes metropole": accents and case ignored).
/// </summary>
public sealed class ReferenceLookup(RtesDbContext db, TenantProvisioning provisioning, IOptions<ReferenceDataOptions> options)
{
    public const int MaxCandidates = 20;

    public async Task<ReferenceLookupResult> FindAsync(string? input, CancellationToken cancellationToken)
    {
        var text = (input ?? string.Empty).Trim();
        var vintage = options.Value.Vintage;
        if (text.Length == 0)
        {
            return ReferenceLookupResult.Fail("Saisissez le nom de la collectivité, ou son numéro SIREN, ou son code INSEE.");
        }

        if (text.Length > 200)
        {
            return ReferenceLookupResult.Fail("Ce texte est trop long : saisissez le nom de la collectivité ou son numéro.");
        }

        var compact = Compact(text);
        if (text.Contains(':', StringComparison.Ordinal))
        {
            var prefixed = await FindCodeAsync(compact, cancellationToken);
            return prefixed is null
                ? ReferenceLookupResult.Fail($"Aucune collectivité du référentiel officiel {vintage} ne porte le code « {text} ».")
                : ReferenceLookupResult.Found(prefixed);
        }

        if (compact.All(char.IsAsciiDigit) || IsCorsicanCommuneCode(compact))
        {
            return await FindNumberAsync(text, compact.ToUpperInvariant(), vintage, cancellationToken);
        }

        var candidates = await SearchNameAsync(text, cancellationToken);
        return candidates.Count switch
        {
            0 => ReferenceLookupResult.Fail(
                $"Aucune collectivité du référentiel officiel {vintage} ne porte un nom contenant « {text} » : vérifiez l’orthographe, ou saisissez son numéro SIREN."),
            1 => ReferenceLookupResult.Found(candidates[0]),
            _ => ReferenceLookupResult.Several(candidates),
        };
    }

    private async Task<ReferenceLookupResult> FindNumberAsync(string text, string digits, int vintage, CancellationToken cancellationToken)
    {
        if (digits.Length == 9)
        {
            if (!Siren.IsValid(digits))
            {
                return ReferenceLookupResult.Fail(
                    $"« {text} » n’est pas un numéro SIREN correct : un des 9 chiffres est sans doute mal recopié. Vérifiez-le sur un document officiel de la collectivité.");
            }

            var bySiren = await FindCodeAsync(digits, cancellationToken);
            return bySiren is null
                ? ReferenceLookupResult.Fail($"Ce numéro SIREN n’existe pas dans le référentiel officiel {vintage}.")
                : ReferenceLookupResult.Found(bySiren);
        }

        if (digits.Length == 5)
        {
            var commune = await FindCodeAsync("commune:" + digits, cancellationToken);
            return commune is null
                ? ReferenceLookupResult.Fail($"Ce code INSEE de commune n’existe pas dans le référentiel officiel {vintage}.")
                : ReferenceLookupResult.Found(commune);
        }

        return ReferenceLookupResult.Fail(
            $"« {text} » compte {FrenchFormat.Plural(digits.Length, "chiffre", "chiffres")} : un numéro SIREN en compte 9, un code INSEE de commune 5. Pour un département ou une région, saisissez son nom.");
    }

    /// <summary>A SIREN or "kind:code" (the forms <see cref="TenantProvisioning"/> takes), as a candidate.</summary>
    public async Task<ReferenceCandidate?> FindCodeAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var record = await provisioning.FindReferenceAsync(identifier, cancellationToken);
        return record is null ? null : (await DescribeAsync([record], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<ReferenceCandidate>> SearchNameAsync(string name, CancellationToken cancellationToken)
    {
        var pattern = "%" + EscapeLike(name.ToLowerInvariant()) + "%";
        // Accent folding on both sides (app.unaccent_immutable); about 36 000 rows, scanned in a few
        // milliseconds: no index is needed for a page used a few times a year. Communes after
        // groupings, then the most populated first.
        var records = await db.RefCollectivities
            .FromSql($"""
                SELECT * FROM ref_collectivities
                WHERE app.unaccent_immutable(lower(display_name)) LIKE app.unaccent_immutable({pattern})
                   OR app.unaccent_immutable(lower(name)) LIKE app.unaccent_immutable({pattern})
                """)
            .AsNoTracking()
            .OrderBy(r => r.Kind == RefKind.Commune)
            .ThenByDescending(r => r.Population)
            .ThenBy(r => r.Name)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        return await DescribeAsync(records, cancellationToken);
    }

    private async Task<IReadOnlyList<ReferenceCandidate>> DescribeAsync(IReadOnlyList<RefCollectivity> records, CancellationToken cancellationToken)
    {
        var departements = records.Select(r => r.DepartementCode).OfType<string>().Distinct().ToList();
        var regions = records.Select(r => r.RegionCode).OfType<string>().Distinct().ToList();
        var names = await db.RefCollectivities.AsNoTracking()
            .Where(r => (r.Kind == RefKind.Departement && departements.Contains(r.Code)) || (r.Kind == RefKind.Region && regions.Contains(r.Code)))
            .Select(r => new { r.Kind, r.Code, r.Name })
            .ToListAsync(cancellationToken);
        var sirens = records.Select(r => r.Siren).OfType<string>().ToList();
        var codes = records.Where(r => r.Kind is RefKind.Commune or RefKind.Departement or RefKind.Region).Select(r => r.Code).ToList();
        var existing = await db.Tenants.AsNoTracking()
            .Where(t => (t.Siren != null && sirens.Contains(t.Siren)) || (t.InseeCode != null && codes.Contains(t.InseeCode)))
            .Select(t => new { t.Slug, t.Siren, t.InseeCode, t.Kind })
            .ToListAsync(cancellationToken);
        return [.. records.Select(r =>
        {
            var kind = TenantProvisioning.KindOf(r);
            var isInsee = r.Kind is RefKind.Commune or RefKind.Departement or RefKind.Region;
            var tenant = existing.FirstOrDefault(t => (r.Siren is not null && t.Siren == r.Siren) || (isInsee && t.InseeCode == r.Code && t.Kind == kind));
            return new ReferenceCandidate(
                r,
                kind,
                r.Kind == RefKind.Region ? null : names.FirstOrDefault(n => n.Kind == RefKind.Departement && n.Code == r.DepartementCode)?.Name,
                names.FirstOrDefault(n => n.Kind == RefKind.Region && n.Code == r.RegionCode)?.Name,
                r.Kind is RefKind.Epci or RefKind.Ept ? r.Code : $"{r.Kind.ToString().ToLowerInvariant()}:{r.Code}",
                tenant?.Slug);
        })];
    }

    /// <summary>Without the spaces (and dots) numbers are printed with: "243 500 139" → "243500139".</summary>
    public static string Compact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '.' && c != '\u202f' && c != '\u00a0')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsCorsicanCommuneCode(string code) =>
        code.Length == 5 && (code.StartsWith("2A", StringComparison.OrdinalIgnoreCase) || code.StartsWith("2B", StringComparison.OrdinalIgnoreCase))
        && code[2..].All(char.IsAsciiDigit);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
