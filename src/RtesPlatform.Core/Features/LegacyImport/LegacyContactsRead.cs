using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Contacts read under "Contact public", and the lines that could not be read as contacts.</summary>
internal sealed record LegacyContactsRead(IReadOnlyList<Contact> Contacts, IReadOnlyList<LegacySourceLine> Unread);
