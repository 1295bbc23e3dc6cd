using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// A section sent to the API, read as the fiche's JSON shape: the change to apply to the draft.
/// What a valid section is (lengths, years, amounts, sources, indicators, themes) is decided by the
/// fiche rules when <see cref="DraftEditor"/> saves it, as for every writer.
/// </summary>
internal static class SectionUpdates
{
    /// <summary>Reads the body of <paramref name="section"/>: the change to apply to the draft, or the 400 to answer.</summary>
    public static async Task<(Func<FicheContent, FicheContent>? Change, IResult? Problem)> ReadAsync(FicheSection section, HttpRequest request)
    {
        switch (section)
        {
            case FicheSection.Panorama:
            {
                var (body, problem) = await JsonBody.ReadAsync<PanoramaSection>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Panorama = body }, problem);
            }

            case FicheSection.Budget:
            {
                var (body, problem) = await JsonBody.ReadAsync<BudgetSection>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Budget = body }, problem);
            }

            case FicheSection.Programme:
            {
                var (body, problem) = await JsonBody.ReadAsync<ProgrammeSection>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Programme = body }, problem);
            }

            case FicheSection.Actions:
            {
                var (body, problem) = await JsonBody.ReadAsync<List<SupportedAction>>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Actions = body }, problem);
            }

            case FicheSection.Contacts:
            {
                var (body, problem) = await JsonBody.ReadAsync<List<Contact>>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Contacts = body }, problem);
            }

            default:
            {
                var (body, problem) = await JsonBody.ReadAsync<List<Source>>(request, FicheJson.Options);
                return (body is null ? null : c => c with { Sources = body }, problem);
            }
        }
    }
}
