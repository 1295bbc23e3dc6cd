namespace RtesPlatform.Core.Features.Accounts;

/// <summary>A collectivity whose back office the user may open, with their role there.</summary>
public sealed record UserWorkspace(string Slug, string Name, string Role);
