using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using System.Globalization;
using System.Text.Json.Nodes;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport.Matching;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.LegacyImport.Import;

/// <summary>
/// Imports a file of legacy RTES fiches as tenants' drafts. <see cref="ImportAsync"/> (the command)
/// uses one transaction: a file that fails leaves nothing behind, a dry run rolls back. The import
/// job (<see cref="Runs.LegacyImportJob"/>) prepares the file once and imports fiche by fiche, one
/// transaction each. Either way, importing the same file again changes nothing.
/// A published version is never touched; a draft holding a person's unpublished edits is kept.
/// Each fiche is written with the database session scoped to its tenant (RLS applies), set
/// transaction-locally so that one file can feed several tenants.
/// </summary>
public sealed class LegacyImporter(
    RtesDbContext db, TenantProvisioning provisioning, FicheRuleSet rules, TimeProvider clock, ILogger<LegacyImporter> logger)
{
    // collectivity: for a file holding one fiche without its identity block (as the RTES site's
    // bodies are), the SIREN or "kind:code" of the collectivity it belongs to.
    public async Task<LegacyImportReport> ImportAsync(
        Stream file, string fileName, bool dryRun, string? collectivity, IProgress<LegacyImportProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = await PrepareAsync(file, fileName, dryRun, collectivity, cancellationToken);
        if (plan.Error is { } error)
        {
            return LegacyImportReport.Failed(fileName, dryRun, error);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var results = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var list = new List<LegacyFicheImportResult>(plan.Fiches.Count);
            for (var i = 0; i < plan.Fiches.Count; i++)
            {
                progress?.Report(new LegacyImportProgress(i, plan.Fiches.Count, plan.Fiches[i].SourceName));
                list.Add(await ImportFicheAsync(plan, i, ct));
            }

            if (dryRun)
            {
                await transaction.RollbackAsync(ct);
            }
            else
            {
                await transaction.CommitAsync(ct);
            }

            return list;
        }, cancellationToken);

        progress?.Report(new LegacyImportProgress(results.Count, results.Count, null));
        logger.LogInformation(
            "Legacy import of {File}: {Imported}/{Total} fiches imported (dry run: {DryRun})",
            fileName, results.Count(r => r.Imported), results.Count, dryRun);
        return new LegacyImportReport(fileName, dryRun, null, plan.Warnings, results);
    }

    /// <summary>Reads, parses and checks a file; writes nothing. A refused file gives a plan with its French error.</summary>
    public async Task<LegacyImportPlan> PrepareAsync(Stream file, string fileName, bool dryRun, string? collectivity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        LegacyParseResult parsed;
        try
        {
            using var text = LegacyFileReader.Open(file);
            parsed = LegacyFicheParser.Parse(text.Reader);
            if (text.Warning is { } encodingWarning)
            {
                parsed = parsed with { Warnings = [encodingWarning, .. parsed.Warnings] };
            }
        }
        catch (LegacyImportException ex)
        {
            return LegacyImportPlan.Failed(fileName, dryRun, ex.Message);
        }

        if (parsed.Error is { } error)
        {
            return LegacyImportPlan.Failed(fileName, dryRun, error);
        }

        if (parsed.Fiches.Count == 0)
        {
            return LegacyImportPlan.Failed(fileName, dryRun, "Aucune fiche reconnue dans ce fichier : il ne semble pas être un export des fiches du RTES.");
        }

        RefCollectivity? stated = null;
        if (collectivity is not null)
        {
            if (parsed.Fiches.Count != 1)
            {
                return LegacyImportPlan.Failed(fileName, dryRun, $"La collectivité ne peut être indiquée que pour un fichier d'une seule fiche ; celui-ci en contient {parsed.Fiches.Count}.");
            }

            stated = await provisioning.FindReferenceAsync(collectivity, cancellationToken);
            if (stated is null)
            {
                return LegacyImportPlan.Failed(fileName, dryRun, $"Aucune collectivité officielle ne correspond à « {collectivity} ».");
            }
        }

        var matcher = new ReferenceMatcher(await db.RefCollectivities.AsNoTracking().ToListAsync(cancellationToken));
        var warnings = parsed.Warnings
            .Concat(parsed.Duplicates.Select(d => $"Fiche en double ignorée : « {d.SourceName} » (ligne {d.FirstLine})."))
            .ToList();
        return new LegacyImportPlan(fileName, dryRun, null, warnings, parsed.Fiches, matcher, stated);
    }

    /// <summary>
    /// Matches and writes the fiche at <paramref name="index"/> of the plan, in the caller's
    /// transaction (which it must have opened): the tenant setting for RLS is transaction-local.
    /// </summary>
    public async Task<LegacyFicheImportResult> ImportFicheAsync(LegacyImportPlan plan, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Matcher is not { } matcher)
        {
            throw new InvalidOperationException("This file was refused: nothing to import.");
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Import a fiche inside a transaction: the tenant setting is transaction-local.");
        }

        var fiche = plan.Fiches[index];
        var match = plan.Stated is { } stated ? ReferenceMatch.Matched(stated, []) : matcher.Match(fiche);
        return await ImportOneAsync(fiche, match, plan.ImportedBy, cancellationToken);
    }

    private async Task<LegacyFicheImportResult> ImportOneAsync(LegacyFiche fiche, ReferenceMatch match, string importedBy, CancellationToken ct)
    {
        if (match.Reference is not { } reference)
        {
            return new(fiche, match, LegacyImportOutcome.NotMatched, null, false, []);
        }

        // The fiche rules of every writer (lengths, years, amounts, sources): a fiche that breaks one
        // is not imported, and the report says where (fiche, line, field).
        var broken = await rules.CheckAsync(fiche.Content, ct);
        if (fiche.Address is { Length: > FicheLimits.Address } tooLong)
        {
            var line = fiche.Report.Lines.FirstOrDefault(l => l.Role == LegacyLineRole.IdentityValue && tooLong.StartsWith(l.Text, StringComparison.Ordinal))?.LineNumber ?? fiche.FirstLine;
            return new(fiche, match, LegacyImportOutcome.RefusedByRules, null, false,
            [
                string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                    $"Fiche « {fiche.SourceName ?? "sans nom"} » (ligne {line}), adresse : L'adresse ne doit pas dépasser {FicheLimits.Address} caractères (actuellement {tooLong.Length:N0})."),
                .. broken.Select(e => RuleNote(fiche, e)),
            ]);
        }

        if (broken.Count > 0)
        {
            return new(fiche, match, LegacyImportOutcome.RefusedByRules, null, false, [.. broken.Select(e => RuleNote(fiche, e))]);
        }

        var notes = new List<string>();
        var created = await provisioning.CreateAsync(IdentifierOf(reference), fiche.MembershipYear, slug: null, ct);
        var tenant = created.Tenant ?? throw new InvalidOperationException(created.Error);
        if (fiche.MembershipYear is { } year && tenant.MembershipYear != year)
        {
            notes.Add($"Année d'adhésion mise à jour : {tenant.MembershipYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "aucune"} → {year}.");
            tenant.MembershipYear = year;
        }

        ImportAddress(fiche, tenant, importedBy, notes);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        if (fiche.Population is { } population && tenant.Population is { } official && population != official)
        {
            notes.Add($"Population de la fiche ({population}) différente de la population officielle {tenant.PopulationVintage} ({official}) : la population officielle est conservée.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT set_config('app.tenant_id', {tenant.Id.ToString()}, true)", ct);
        var json = FicheJson.Serialize(fiche.Content);
        var existing = await db.Database.SqlQuery<DraftState>($"""
            SELECT d.content::text AS content, d.updated_by AS updated_by,
                   (SELECT v.content::text FROM fiche_versions v WHERE v.tenant_id = d.tenant_id AND v.number = {tenant.PublishedVersion}) AS published
            FROM fiche_drafts d WHERE d.tenant_id = {tenant.Id}
            """).SingleOrDefaultAsync(ct);

        LegacyImportOutcome outcome;
        if (existing is null)
        {
            outcome = LegacyImportOutcome.DraftCreated;
        }
        else if (SameContent(existing.Content, json))
        {
            return new(fiche, match, LegacyImportOutcome.Unchanged, tenant.Slug, created.WasCreated, notes);
        }
        else if (existing.UpdatedBy?.StartsWith("import:", StringComparison.Ordinal) == true
                 || (existing.Published is not null && SameContent(existing.Content, existing.Published)))
        {
            outcome = LegacyImportOutcome.DraftUpdated;
        }
        else
        {
            notes.Add("Le brouillon contient des modifications non publiées : il est conservé, la fiche n'est pas importée.");
            return new(fiche, match, LegacyImportOutcome.SkippedDraftEdited, tenant.Slug, created.WasCreated, notes);
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO fiche_drafts (tenant_id, content, updated_at, updated_by, revision)
            VALUES ({tenant.Id}, {json}::jsonb, {clock.GetUtcNow()}, {importedBy}, 1)
            ON CONFLICT (tenant_id) DO UPDATE
               SET content = EXCLUDED.content, updated_at = EXCLUDED.updated_at,
                   updated_by = EXCLUDED.updated_by, revision = fiche_drafts.revision + 1
            """, ct);
        return new(fiche, match, outcome, tenant.Slug, created.WasCreated, notes);
    }

    /// <summary>
    /// The fiche's address goes on the tenant unless a person wrote the tenant's address: then it
    /// is kept, and the fiche's lines stay in the report as a difference.
    /// </summary>
    private static void ImportAddress(LegacyFiche fiche, Tenant tenant, string importedBy, List<string> notes)
    {
        if (fiche.Address is not { } address || address == tenant.Address)
        {
            return;
        }

        var oneLine = address.Replace("\n", ", ", StringComparison.Ordinal);
        if (tenant.Address is not null && tenant.AddressSetBy?.StartsWith("import:", StringComparison.Ordinal) != true)
        {
            notes.Add($"Adresse de la fiche différente de l'adresse enregistrée par la collectivité, qui est conservée : fiche « {oneLine} », "
                + $"enregistrée « {tenant.Address.Replace("\n", ", ", StringComparison.Ordinal)} ».");
            return;
        }

        notes.Add(tenant.Address is null ? $"Adresse enregistrée : « {oneLine} »." : $"Adresse mise à jour : « {oneLine} ».");
        tenant.Address = address;
        tenant.AddressSetBy = importedBy;
    }

    /// <summary>"Fiche « Ville de Pau » (ligne 12), contact 1 : Le nom ne doit pas dépasser 200 caractères (actuellement 64 012)."</summary>
    private static string RuleNote(LegacyFiche fiche, FicheRuleError error) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Fiche « {fiche.SourceName ?? "sans nom"} » (ligne {LineOf(fiche, error.Path)}), {error.Where} : {error.Message}");

    /// <summary>The input line holding the value at <paramref name="path"/> (its first characters), else the fiche's first line.</summary>
    private static int LineOf(LegacyFiche fiche, string path)
    {
        JsonNode? node = JsonNode.Parse(FicheJson.Serialize(fiche.Content));
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.StartsWith('[')
                ? (node as JsonArray) is { } array && int.TryParse(part.Trim('[', ']'), CultureInfo.InvariantCulture, out var i) && i < array.Count ? array[i] : null
                : (node as JsonObject)?[part];
        }

        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : null;
        var probe = text is { Length: > 0 } ? text[..Math.Min(text.Length, 40)] : null;
        return probe is not null && fiche.Report.Lines.FirstOrDefault(l => l.Text.Contains(probe, StringComparison.Ordinal)) is { } line
            ? line.LineNumber
            : fiche.FirstLine;
    }

    private static string IdentifierOf(RefCollectivity reference) =>
        reference.Kind is RefKind.Epci or RefKind.Ept ? reference.Code : $"{reference.Kind.ToString().ToLowerInvariant()}:{reference.Code}";

    /// <summary>Compares fiche contents as documents (jsonb reorders keys), not as strings.</summary>
    private static bool SameContent(string a, string b) =>
        FicheJson.Serialize(FicheJson.Deserialize(a)) == FicheJson.Serialize(FicheJson.Deserialize(b));

    private sealed record DraftState(string Content, string? UpdatedBy, string? Published);
}
