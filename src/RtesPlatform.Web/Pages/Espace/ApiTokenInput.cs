namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The form creating a personal API token, as typed (shown again on an error).</summary>
public sealed class ApiTokenInput
{
    public string? Name { get; set; }
    /// <summary>Last day of validity (yyyy-MM-dd, Paris time); empty: no expiry.</summary>
    public string? ExpiresOn { get; set; }
}
