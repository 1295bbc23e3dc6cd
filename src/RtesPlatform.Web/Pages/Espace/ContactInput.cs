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
    public bool ConsentToPublish { get; set; }

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
            ConsentToPublish = contact.ConsentToPublish,
        };
    }

    public Contact? ToContact(FormCheck check, string key)
    {
        ArgumentNullException.ThrowIfNull(check);
        var role = check.Choice<ContactRole>($"{key}.Role", Role, "le rôle");
        var name = check.Text($"{key}.Name", Name, "le nom", 200, required: true);
        var title = check.Text($"{key}.Title", Title, "la fonction", 200);
        var service = check.Text($"{key}.Service", Service, "le service", 200);
        var email = check.Email($"{key}.Email", Email);
        var phone = check.Text($"{key}.Phone", Phone, "le téléphone", 30);
        if (phone is not null && phone.Any(c => !(char.IsDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')')))
        {
            check.Error($"{key}.Phone", "Saisissez un numéro de téléphone avec des chiffres, espaces, points ou le signe +.");
        }

        return role is null || name is null
            ? null
            : new Contact { Role = role.Value, Name = name, Title = title, Service = service, Email = email, Phone = phone, ConsentToPublish = ConsentToPublish };
    }
}
