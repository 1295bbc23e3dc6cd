using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// The tenant's indicator values in the back office: lists them, saves and deletes the values typed
/// by hand. A value the published fiche provides is never typed again: it is edited in the fiche.
/// Every change writes an audit event in the same transaction. Scoped to the tenant of the unit of
/// work by the query filter and row-level security: a key posted from another tenant's page
/// reaches only this tenant's rows.
/// </summary>
public sealed class IndicatorValueEditor(
    RtesDbContext db, TenantContext tenantContext, TimeProvider clock, AggregateRefreshRequests aggregates)
{
    public const int PageSize = 100;

    public async Task<IndicatorValuePage> ListAsync(int pageNumber, CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        var total = await db.IndicatorValues.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pages);
        var rows = await (
                from v in db.IndicatorValues.AsNoTracking()
                join i in db.Indicators.AsNoTracking() on v.IndicatorCode equals i.Code
                orderby i.SortOrder, i.Code, v.Year descending
                select new { v, i })
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return new IndicatorValuePage([.. rows.Select(r => new IndicatorValueRow(r.v, r.i))], page, pages, total);
    }

    public async Task<IndicatorValue?> FindAsync(string code, int year, CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        return await db.IndicatorValues.AsNoTracking()
            .SingleOrDefaultAsync(v => v.IndicatorCode == code && v.Year == year, cancellationToken);
    }

    /// <summary>Saves a value typed by hand; null when saved, else the problem to show next to its field.</summary>
    public async Task<IndicatorProblem?> SaveAsync(ManualValue input, AuthoringUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        RequireTenantAccess();
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == input.IndicatorCode, cancellationToken);
        if (indicator is null)
        {
            return new IndicatorProblem(nameof(ManualValue.IndicatorCode), "Choisissez un indicateur dans la liste.");
        }

        if (Check(indicator, input, clock.GetUtcNow().Year) is { } invalid)
        {
            return invalid;
        }

        var existing = await db.IndicatorValues.SingleOrDefaultAsync(
            v => v.IndicatorCode == input.IndicatorCode && v.Year == input.Year, cancellationToken);
        if (existing?.Origin == ValueOrigin.Fiche || await PublishedFicheProvidesAsync(indicator, input.Year, cancellationToken))
        {
            return FromFiche(indicator);
        }

        var now = clock.GetUtcNow();
        var row = existing ?? new IndicatorValue { IndicatorCode = indicator.Code, Year = input.Year };
        row.Value = input.Value;
        row.Visibility = input.Visibility ?? indicator.DefaultVisibility;
        row.Origin = ValueOrigin.Manual;
        row.SourceTitle = input.SourceTitle;
        row.SourceUrl = input.SourceUrl?.ToString();
        row.FicheVersion = null;
        row.UpdatedAt = now;
        row.UpdatedBy = user.Label;
        if (existing is null)
        {
            db.IndicatorValues.Add(row);
        }

        db.AuditEvents.Add(Audit(AuditActions.IndicatorValueSaved, user, now, indicator.Code, input.Year));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await aggregates.RequestAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return new IndicatorProblem(nameof(ManualValue.Year),
                "Une valeur de cet indicateur pour cette année vient d’être enregistrée par ailleurs : rechargez la page avant de la modifier.");
        }
    }

    /// <summary>Deletes a value typed by hand (never one from the fiche); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string code, int year, AuthoringUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        RequireTenantAccess();
        var row = await db.IndicatorValues.SingleOrDefaultAsync(
            v => v.IndicatorCode == code && v.Year == year && v.Origin != ValueOrigin.Fiche, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.IndicatorValues.Remove(row);
        db.AuditEvents.Add(Audit(AuditActions.IndicatorValueDeleted, user, clock.GetUtcNow(), code, year));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await aggregates.RequestAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted meanwhile (or replaced by a publication): nothing left to delete.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The rules a value must follow, whatever the form: year, sign, percentages.</summary>
    public static IndicatorProblem? Check(Indicator indicator, ManualValue input, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Year < 1990 || input.Year > currentYear + 1)
        {
            return new IndicatorProblem(nameof(ManualValue.Year), string.Create(CultureInfo.InvariantCulture,
                $"L’année doit être comprise entre 1990 et {currentYear + 1}."));
        }

        if (ValueProblem(indicator, input.Value) is { } message)
        {
            return new IndicatorProblem(nameof(ManualValue.Value), message);
        }

        if (string.IsNullOrWhiteSpace(input.SourceTitle))
        {
            return new IndicatorProblem(nameof(ManualValue.SourceTitle),
                "Indiquez la source : un chiffre sans source ne peut pas être comparé honnêtement.");
        }

        if (input.SourceTitle.Trim().Length > FicheLimits.SourceTitle)
        {
            return new IndicatorProblem(nameof(ManualValue.SourceTitle), string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Le titre de la source ne doit pas dépasser {FicheLimits.SourceTitle:N0} caractères (actuellement {input.SourceTitle.Trim().Length:N0})."));
        }

        return input.SourceUrl is { } url && !FicheRules.IsWebAddress(url)
            ? new IndicatorProblem(nameof(ManualValue.SourceUrl), "Saisissez une adresse web complète commençant par http:// ou https:// (500 caractères au plus).")
            : null;
    }

    /// <summary>What is wrong with a value of this indicator (sign, percentage), in French, or null.</summary>
    public static string? ValueProblem(Indicator indicator, decimal value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return value < 0 ? "Saisissez un nombre positif ou nul pour la valeur."
            : indicator.Unit == FigureUnit.Percent && value > 100 ? "Un pourcentage est compris entre 0 et 100."
            : value >= FicheLimits.MaxAmount ? "Saisissez la valeur sous 1 million de milliards."
            : null;
    }

    /// <summary>The section of the fiche where an indicator is typed ("Panorama", "Budget"), or null.</summary>
    public static FicheSection? SectionOf(string? derivedFrom) => derivedFrom switch
    {
        null => null,
        IndicatorDerivation.FromFigures => FicheSection.Panorama,
        _ when IndicatorDerivation.Describe(derivedFrom) is not null => FicheSection.Budget,
        _ => null,
    };

    private static IndicatorProblem FromFiche(Indicator indicator) =>
        new(nameof(ManualValue.IndicatorCode), SectionOf(indicator.DerivedFrom) == FicheSection.Panorama
            ? "Cette valeur vient de la fiche publiée (section Panorama) : modifiez-la dans la fiche."
            : "Cette valeur vient de la fiche publiée (section Budget) : modifiez-la dans la fiche.");

    private async Task<bool> PublishedFicheProvidesAsync(Indicator indicator, int year, CancellationToken cancellationToken)
    {
        if (indicator.DerivedFrom is null)
        {
            return false;
        }

        var tenantId = tenantContext.TenantId!.Value;
        var number = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            return false;
        }

        var version = await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        return version is not null
            && IndicatorDerivation.Derive(version.Content, [indicator]).Any(d => d.Year == year);
    }

    private static AuditEvent Audit(string action, AuthoringUser user, DateTimeOffset at, string code, int year) => new()
    {
        At = at,
        UserId = user.Id,
        UserName = user.Name,
        Action = action,
        Details = JsonSerializer.Serialize(new { code, year }),
    };

    private void RequireTenantAccess()
    {
        if (tenantContext.TenantId is null || !tenantContext.RequiresDatabaseScope)
        {
            throw new TenantMismatchException("Editing indicator values needs tenant access.");
        }
    }
}
