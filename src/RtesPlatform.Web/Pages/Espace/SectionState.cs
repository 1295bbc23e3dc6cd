using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>One row of the dashboard: whether a section of the draft is filled and when it last changed.</summary>
public sealed record SectionState(FicheSection Section, bool Filled, DateTimeOffset? LastChange, string? LastChangeBy);
