namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Where to read more about a fiche version: this resource, its member, its public page.</summary>
public sealed record ApiFicheLinks(string Self, string Tenant, string Html);
