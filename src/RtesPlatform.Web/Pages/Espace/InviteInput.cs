namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The invitation form, as typed (shown again on an error).</summary>
public sealed class InviteInput
{
    public string? Email { get; set; }
    public string? Role { get; set; }
}
