using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>The tenant's draft: its revision (also the ETag) and its whole content.</summary>
public sealed record DraftResponse(int Revision, DateTimeOffset? UpdatedAt, string? UpdatedBy, FicheContent Content);

/// <summary>A saved section: the draft's new revision, to send in If-Match with the next save.</summary>
public sealed record DraftSavedResponse(int Revision, DateTimeOffset UpdatedAt);

/// <summary>An indicator value of the tenant, as stored.</summary>
public sealed record IndicatorValueResponse(
    string IndicatorCode, int Year, decimal Value, string Visibility, string Origin, string? SourceTitle, string? SourceUrl, DateTimeOffset UpdatedAt);

/// <summary>A published version of the fiche; <see cref="Current"/> when it is the one the public sees.</summary>
public sealed record PublicationResponse(int Number, DateTimeOffset PublishedAt, string? PublishedBy, bool Current);
