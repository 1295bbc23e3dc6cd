using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

public sealed class ContactInput
{
    public string? Role { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Service { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>"Given", "Refused" or "Unknown" (à confirmer).</summary>
    public string? Consent { get; set; }

    public static ContactInput From(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new()
        {
            Role = contact.Role.ToString(),
            Name = contact.Name,
            Title = contact.Title,
            Service = contact.Service,
            Email = contact.Email,
            Phone = contact.Phone,
            Consent = contact.Consent.ToString(),
        };
    }

    /// <summary>The contact as typed; the role is a choice, the rest is for the fiche rules.</summary>
    public Contact ToContact(FormCheck check, string key)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new Contact
        {
            Role = check.Choice<ContactRole>($"{key}.Role", Role, "le rôle") ?? ContactRole.Officer,
            Name = FormCheck.Trimmed(Name) ?? string.Empty,
            Title = FormCheck.Trimmed(Title),
            Service = FormCheck.Trimmed(Service),
            Email = FormCheck.Trimmed(Email),
            Phone = FormCheck.Trimmed(Phone),
            Consent = string.IsNullOrEmpty(Consent) ? ContactConsent.Unknown : check.Choice<ContactConsent>($"{key}.Consent", Consent, "l’accord de publication") ?? ContactConsent.Unknown,
        };
    }
}
