using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// What a section form typed: the change to apply to the draft, and for each source created from
/// a row (in order) the form key of that row's new-source fields, to show the rules' messages there.
/// </summary>
public sealed record FormChange(Func<FicheContent, FicheContent> Apply, IReadOnlyList<string> NewSourceRows);
