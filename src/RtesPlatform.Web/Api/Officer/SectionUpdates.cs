using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Pages.Espace;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// A section sent to the API, checked by the very rules of its back-office page: the typed JSON is
/// turned into the page's form and read back through <see cref="FormCheck"/> (lengths, years,
/// amounts, source keys, compared indicators, themes), with the same French messages.
/// </summary>
internal sealed class SectionUpdates(RtesDbContext db, IndicatorCatalogue catalogue, TimeProvider clock)
{
    /// <summary>Reads the body of <paramref name="section"/>: the change to apply to the draft, or the 400 to answer.</summary>
    public async Task<(Func<FicheContent, FicheContent>? Change, IResult? Problem)> ReadAsync(
        FicheSection section, HttpRequest request, FicheContent draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var modelState = new ModelStateDictionary();
        var check = new FormCheck(modelState, clock.GetUtcNow().Year);
        var sourceKeys = draft.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        const string p = ValidationErrors.Prefix;
        Func<FicheContent, FicheContent>? change;
        IResult? problem;
        switch (section)
        {
            case FicheSection.Panorama:
            {
                (var body, problem) = await JsonBody.ReadAsync<PanoramaSection>(request, FicheJson.Options);
                var indicators = body is null ? [] : await catalogue.FigureIndicatorsAsync(cancellationToken);
                var value = body is null ? null : PanoramaForm.From(body).ToSection(check, p, sourceKeys, indicators);
                change = value is null ? null : c => c with { Panorama = value };
                break;
            }

            case FicheSection.Budget:
            {
                (var body, problem) = await JsonBody.ReadAsync<BudgetSection>(request, FicheJson.Options);
                var value = body is null ? null : BudgetForm.From(body).ToSection(check, p, sourceKeys);
                change = value is null ? null : c => c with { Budget = value };
                break;
            }

            case FicheSection.Programme:
            {
                (var body, problem) = await JsonBody.ReadAsync<ProgrammeSection>(request, FicheJson.Options);
                var value = body is null ? null : ProgrammeForm.From(body).ToSection(check, p);
                change = value is null ? null : c => c with { Programme = value };
                break;
            }

            case FicheSection.Actions:
            {
                (var body, problem) = await JsonBody.ReadAsync<List<SupportedAction>>(request, FicheJson.Options);
                var themes = body is null ? [] : (await db.Themes.AsNoTracking().Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
                var actions = body?.Select((a, i) => ActionForm.From(a).ToAction(check, $"{p}[{i}]", sourceKeys, themes)).OfType<SupportedAction>().ToList();
                change = actions is null ? null : c => c with { Actions = actions };
                break;
            }

            case FicheSection.Contacts:
            {
                (var body, problem) = await JsonBody.ReadAsync<List<Contact>>(request, FicheJson.Options);
                var contacts = body?.Select((c, i) => ContactInput.From(c).ToContact(check, $"{p}[{i}]")).OfType<Contact>().ToList();
                change = contacts is null ? null : c => c with { Contacts = contacts };
                break;
            }

            default:
            {
                (var body, problem) = await JsonBody.ReadAsync<List<Source>>(request, FicheJson.Options);
                var sources = body is null ? null : CheckSources(check, body, draft);
                change = sources is null ? null : c => c with { Sources = sources };
                break;
            }
        }

        if (problem is not null)
        {
            return (null, problem);
        }

        return check.IsValid && change is not null
            ? (change, null)
            : (null, OfficerProblems.Validation(ValidationErrors.From(modelState)));
    }

    /// <summary>The rules of the Sources page: valid entries, unique keys, no source still cited by a figure removed.</summary>
    private static List<Source> CheckSources(FormCheck check, List<Source> body, FicheContent draft)
    {
        const string p = ValidationErrors.Prefix;
        var sources = body.Select((s, i) => SourceInput.From(s).ToSource(check, $"{p}[{i}]")).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is { } source && !seen.Add(source.Key))
            {
                check.Error($"{p}[{i}].Key", "Cette clé est déjà celle d’une autre source : choisissez-en une autre.");
            }
        }

        var cited = CitedKeys(draft).Except(seen, StringComparer.Ordinal).ToList();
        if (cited.Count > 0)
        {
            check.Error(p, $"Ces sources sont citées par des chiffres de la fiche et ne peuvent pas être supprimées : {string.Join(", ", cited)}. Changez d’abord la source de ces chiffres.");
        }

        return [.. sources.OfType<Source>()];
    }

    private static IEnumerable<string> CitedKeys(FicheContent content) =>
        content.Panorama.Figures.Select(f => f.SourceKey)
            .Concat(content.Budget.Lines.Select(l => l.SourceKey))
            .Append(content.Budget.Staff?.SourceKey)
            .Concat(content.Actions.Select(a => a.SourceKey))
            .Concat(content.Actions.SelectMany(a => a.Results.Select(r => r.SourceKey)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
