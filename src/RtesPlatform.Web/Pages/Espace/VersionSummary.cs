namespace RtesPlatform.Web.Pages.Espace;

public sealed record VersionSummary(int Number, DateTimeOffset PublishedAt, string? PublishedBy);
