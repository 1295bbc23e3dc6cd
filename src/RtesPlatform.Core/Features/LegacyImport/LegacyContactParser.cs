using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// The lines under "Contact public": "Élue représentante : Name" (optionally "… Titre : …" on the same
/// line), "Titre : …" (title of the elected representative above), an officer "Function : Name"
/// where the function starts with Chargé(e) de mission, Directeur/Directrice, Responsable, Chef(fe),
/// Référent(e), Coordinateur/rice, Animateur/rice…, optionally followed by "Service : …", and
/// "Service : …" alone (service of the contact above). A label alone on its line takes the name
/// from the next line; any other "Function : First Last" line is an officer. Emails and phone
/// numbers are moved to their fields.
/// Consent: that a person was listed on the old RTES website does not record their consent to this
/// platform (RGPD): the import records <see cref="ContactConsent.Unknown"/>, shown to the officers as
/// "à confirmer", and the contact stays off the public fiche, the API and open data until an officer
/// records the consent.
/// </summary>
internal static partial class LegacyContactParser
{
    public static LegacyContactsRead Parse(IReadOnlyList<LegacySourceLine> lines)
    {
        var contacts = new List<Contact>();
        var unread = new List<LegacySourceLine>();
        Contact? pending = null;
        foreach (var line in lines)
        {
            var text = LegacyText.ForMatching(line.Text);
            if (Field().Match(text) is { Success: true } field)
            {
                var value = line.Text[field.Groups["value"].Index..].Trim();
                var isTitle = string.Equals(field.Groups["key"].Value, "titre", StringComparison.OrdinalIgnoreCase);
                var target = isTitle
                    ? contacts.FindLastIndex(c => c.Role == ContactRole.ElectedRepresentative && c.Title is null)
                    : contacts.FindLastIndex(c => c.Service is null);
                if (target < 0)
                {
                    unread.Add(line);
                    continue;
                }

                contacts[target] = isTitle ? contacts[target] with { Title = value } : contacts[target] with { Service = value };
                continue;
            }

            if (pending is not null && !Elected().IsMatch(text) && !Officer().IsMatch(text) && !ElectedByTitle().IsMatch(text)
                && !AnyFunction().IsMatch(text))
            {
                contacts.Add(Complete(pending, line.Text));
                pending = null;
                continue;
            }

            var (role, match) = Elected().Match(text) is { Success: true } elected ? (ContactRole.ElectedRepresentative, elected)
                : ElectedByTitle().Match(text) is { Success: true } byTitle ? (ContactRole.ElectedRepresentative, byTitle)
                : Officer().Match(text) is { Success: true } officer ? (ContactRole.Officer, officer)
                : (ContactRole.Officer, AnyFunction().Match(text));
            if (!match.Success)
            {
                unread.Add(line);
                continue;
            }

            var function = match.Groups["function"].Success ? line.Text.Substring(match.Groups["function"].Index, match.Groups["function"].Length).Trim() : null;
            var head = new Contact { Role = role, Name = "", Title = function, Consent = ContactConsent.Unknown };
            var rest = line.Text[match.Groups["rest"].Index..].Trim();
            if (rest.Length == 0)
            {
                pending = head;
                continue;
            }

            contacts.Add(Complete(head, rest));
        }

        return new LegacyContactsRead(contacts.Where(c => c.Name.Length > 0).ToList(), unread);
    }

    /// <summary>Splits "Name Titre : … Service : … Tél : … Mail : …" into the contact's fields.</summary>
    private static Contact Complete(Contact head, string rest)
    {
        var keys = Keys().Matches(LegacyText.ForMatching(rest));
        var contact = head;
        var name = keys.Count > 0 ? rest[..keys[0].Index] : rest;
        for (var k = 0; k < keys.Count; k++)
        {
            var start = keys[k].Index + keys[k].Length;
            var end = k + 1 < keys.Count ? keys[k + 1].Index : rest.Length;
            var value = rest[start..end].Trim();
            var key = keys[k].Groups["key"].Value.ToLowerInvariant();
            contact = key switch
            {
                "titre" => contact with { Title = value },
                "service" => contact with { Service = value },
                _ when key.StartsWith('t') => contact with { Phone = value },
                _ => contact with { Email = value },
            };
        }

        if (Email().Match(name) is { Success: true } email)
        {
            contact = contact with { Email = email.Value };
            name = name.Remove(email.Index, email.Length);
        }

        if (Phone().Match(name) is { Success: true } phone)
        {
            contact = contact with { Phone = phone.Value.Trim() };
            name = name.Remove(phone.Index, phone.Length);
        }

        return contact with { Name = name.Trim(' ', '\u00A0', ',', ';', '-', '–', '/', '|') };
    }

    [GeneratedRegex(@"^(?<key>titre|service)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    [GeneratedRegex(@"^[ée]lu(?:e|\(e\)|·e)?s?\b[^:]{0,80}:\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Elected();

    [GeneratedRegex(@"^(?<function>(?:vice-?\s?président(?:e)?|président(?:e)?|maire|adjointe?|conseill(?:er|ère))\b[^:]{0,120}?)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ElectedByTitle();

    [GeneratedRegex(@"^(?<function>(?:chargée?s?|chargé\(e\)|chargé·e|chargé\.e|direct(?:eur|rice)|responsable|référente?|cheffe?|coordinat(?:eur|rice)|animat(?:eur|rice)|développeu(?:r|se)|agente?|gestionnaire|technicien(?:ne)?|assistante?|attachée?|manager|contact)\b[^:]{0,150}?)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Officer();

    /// <summary>Any other "Function : First Last" line under "Contact public" is an officer.</summary>
    [GeneratedRegex(@"^(?<function>[^:]{3,80}?)\s*:\s*(?<rest>\p{Lu}[\p{L}'-]+(?:[ -]+\p{Lu}[\p{L}'-]+){1,3}\b.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyFunction();

    [GeneratedRegex(@"\s+(?<key>titre|service|t[ée]l(?:[ée]phone)?\.?|e-?mail|courriel|mail)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keys();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:\+33\s?|\b0)\d(?:[\s.-]?\d{2}){4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
