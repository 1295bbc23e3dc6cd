using System.Text;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>One fiche of the legacy export: its identity as written, its content in the fiche model, and a report.</summary>
public sealed record LegacyFiche
{
    /// <summary>The name line that opened the fiche; null for a fiche body without identity block.</summary>
    public string? SourceName { get; init; }
    public int FirstLine { get; init; }
    public TenantKind? Kind { get; init; }
    /// <summary>"Type de collectivité" as written.</summary>
    public string? KindText { get; init; }
    public int? Population { get; init; }
    public string? PopulationText { get; init; }
    public int? MembershipYear { get; init; }
    /// <summary>Address lines joined by "\n".</summary>
    public string? Address { get; init; }
    /// <summary>"Région" as written (often empty in the export).</summary>
    public string? RegionText { get; init; }
    /// <summary>"Fiche en cours de rédaction".</summary>
    public bool InProgress { get; init; }
    public required FicheContent Content { get; init; }
    public required LegacyFicheReport Report { get; init; }

    /// <summary>
    /// All the text the fiche holds: identity, narratives, actions, contacts, budget lines, and the
    /// verbatim lines that became structure (headings, labels, contacts, budget lines). Lines that
    /// became narrative or actions are found in the content only, so that a check on this text shows
    /// that they really are there.
    /// </summary>
    public string AllText()
    {
        var text = new StringBuilder();
        void Add(string? part)
        {
            if (!string.IsNullOrEmpty(part))
            {
                text.Append(part).Append('\n');
            }
        }

        Add(SourceName);
        Add(KindText);
        Add(PopulationText);
        Add(Address);
        Add(RegionText);
        Add(Content.Panorama.Narrative);
        Add(Content.Budget.Narrative);
        Add(Content.Programme.Narrative);
        Add(Content.Unclassified);
        foreach (var action in Content.Actions)
        {
            Add(action.Title);
            Add(action.Description);
        }

        foreach (var contact in Content.Contacts)
        {
            Add(string.Join(' ', new[] { contact.Name, contact.Title, contact.Service, contact.Email, contact.Phone }.Where(p => p is not null)));
        }

        foreach (var line in Report.Lines.Where(l => !IsContentRole(l.Role)))
        {
            Add(line.Text);
        }

        return text.ToString();
    }

    private static bool IsContentRole(LegacyLineRole role) => role is LegacyLineRole.PanoramaNarrative
        or LegacyLineRole.BudgetNarrative or LegacyLineRole.ProgrammeNarrative or LegacyLineRole.Action or LegacyLineRole.Unplaced;
}
