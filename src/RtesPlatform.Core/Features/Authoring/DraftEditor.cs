using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// Saves the tenant's draft with optimistic concurrency: a save names the revision the editor
/// started from and is refused (never merged silently, never last-write-wins) when the draft has
/// moved on since. A save is refused when the sections it changes break the fiche rules
/// (<see cref="FicheRules"/>), whoever the writer. Every save writes an audit event in the same
/// transaction.
/// </summary>
public sealed class DraftEditor(RtesDbContext db, TenantContext tenantContext, TimeProvider clock, FicheRuleSet rules)
{
    /// <summary>The draft, or an empty one at revision 0 when the tenant has none yet.</summary>
    public async Task<FicheDraft> GetAsync(CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        return await db.FicheDrafts.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? new FicheDraft { TenantId = tenantContext.TenantId!.Value, Revision = 0 };
    }

    public Task<DraftSaveResult> SaveSectionAsync(
        FicheSection section, int expectedRevision, Func<FicheContent, FicheContent> change, AuthoringUser user, CancellationToken cancellationToken) =>
        SaveAsync(expectedRevision, change, user, AuditActions.DraftSaved, section, version: null, cancellationToken);

    /// <summary>Saves a change that spans several sections (the yearly update): one audit event per section changed.</summary>
    public Task<DraftSaveResult> SaveSectionsAsync(
        int expectedRevision, Func<FicheContent, FicheContent> change, AuthoringUser user, CancellationToken cancellationToken) =>
        SaveAsync(expectedRevision, change, user, AuditActions.DraftSaved, section: null, version: null, cancellationToken);

    /// <summary>The broken rules of the sections <paramref name="change"/> would change in the draft as it is now; writes nothing.</summary>
    public async Task<IReadOnlyList<FicheRuleError>> CheckAsync(Func<FicheContent, FicheContent> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = (await GetAsync(cancellationToken)).Content;
        return await rules.CheckChangesAsync(current, change(current), cancellationToken);
    }

    /// <summary>Copies a published version's content into the draft (a version is restored as it was published).</summary>
    public async Task<DraftSaveResult?> RestoreVersionAsync(int number, int expectedRevision, AuthoringUser user, CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        var version = await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        return version is null
            ? null
            : await SaveAsync(expectedRevision, _ => version.Content, user, AuditActions.DraftRestored, section: null, number, cancellationToken);
    }

    private async Task<DraftSaveResult> SaveAsync(
        int expectedRevision, Func<FicheContent, FicheContent> change, AuthoringUser user, string action,
        FicheSection? section, int? version, CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        var draft = await db.FicheDrafts.SingleOrDefaultAsync(cancellationToken);
        var before = draft?.Content ?? new FicheContent();
        if (action == AuditActions.DraftSaved)
        {
            var current = before;
            var errors = await rules.CheckChangesAsync(current, change(current), cancellationToken);
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new DraftSaveResult(false, await GetAsync(cancellationToken)) { Errors = errors };
            }
        }

        if (draft is null ? expectedRevision != 0 : draft.Revision != expectedRevision)
        {
            return await ConflictAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (draft is null)
        {
            draft = new FicheDraft { Content = change(new FicheContent()), Revision = 1 };
            db.FicheDrafts.Add(draft);
        }
        else
        {
            draft.Content = change(draft.Content);
            draft.Revision++;
        }

        draft.UpdatedAt = now;
        draft.UpdatedBy = user.Label;
        IReadOnlyList<FicheSection?> logged = section is null && action == AuditActions.DraftSaved
            ? [.. FicheRules.ChangedSections(before, draft.Content).Select(s => (FicheSection?)s).DefaultIfEmpty()]
            : [section];
        foreach (var loggedSection in logged)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                At = now,
                UserId = user.Id,
                UserName = user.Name,
                Action = action,
                Section = loggedSection,
                Version = version,
                Details = string.Create(CultureInfo.InvariantCulture, $$"""{"revision": {{draft.Revision}}}"""),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DraftSaveResult(true, draft);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first saves raced to create the draft: the second one conflicts like any other.
            return await ConflictAsync(cancellationToken);
        }
    }

    private async Task<DraftSaveResult> ConflictAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return new DraftSaveResult(false, await GetAsync(cancellationToken));
    }

    private void RequireTenantAccess()
    {
        if (tenantContext.TenantId is null || !tenantContext.RequiresDatabaseScope)
        {
            throw new TenantMismatchException("Editing a draft needs tenant access.");
        }
    }
}
