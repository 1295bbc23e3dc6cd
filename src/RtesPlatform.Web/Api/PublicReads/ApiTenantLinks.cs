namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Where to read more about a member: this resource, its published fiche (if any), its public page.</summary>
public sealed record ApiTenantLinks(string Self, string? Fiche, string Html);
