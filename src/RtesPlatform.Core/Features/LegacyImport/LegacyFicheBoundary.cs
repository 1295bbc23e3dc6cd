namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Where a new fiche starts. The export gives each fiche as its collectivity's name on a line of
/// its own, then the fiche's headings and identity block in no fixed order; nothing else marks
/// the boundary. A line is taken as the name of a new fiche when:
/// <list type="number">
/// <item>it has the shape of a name (<see cref="LegacyCollectivityName.HasNameShape"/>: short,
/// capitalised words, no ":" nor final period, not a list item) and is not a heading or label; and</item>
/// <item>the next non-empty line is a line that opens fiches in the export: "Fiche en cours de
/// rédaction", "Année d'adhésion au RTES", "Type de collectivité", or a section heading (Panorama,
/// Budget, Programme, Exemples d'actions) — this recognises names of any form, such as "Est
/// Ensemble" — provided that this line cannot belong to the fiche being read: there is no fiche
/// yet, or it is "Fiche en cours de rédaction", or the current fiche already had that heading, or
/// already had its identity block ("Type de collectivité" or "Contact public", which the export
/// puts after the content), or the candidate reads as a collectivity's name (rule 3). So a
/// capitalised sub-heading at the end of a section ("Le Mois de l'ESS") followed by the fiche's
/// own "Année d'adhésion" stays text; or</item>
/// <item>it reads as a collectivity's name ("Communauté de communes …", "Ville de …", "Région …",
/// "… Agglomération", "… Métropole"…), stands alone between blank lines, and is followed by any
/// heading or label (also "Contact public", "Adresse", "Nombre d'habitants").</item>
/// </list>
/// Exception: a line that is the expected value of a label ("Type de collectivité" then
/// "Communauté de communes", "Adresse" then its lines) is that value, never a name; after "Région",
/// whose value the export often lost, only rule 2 applies.
/// </summary>
internal static class LegacyFicheBoundary
{
    public static bool StartsFiche(LegacySourceLine line, LegacySourceLine? next, LegacyFicheBuilder? current)
    {
        var awaiting = current?.AwaitingValueFor(line);
        if (line.Kind != LegacyLineKind.Text || next is null || !next.IsHeadingOrLabel
            || awaiting is LegacyLineKind.TypeLabel or LegacyLineKind.PopulationLabel or LegacyLineKind.AddressLabel
                or LegacyLineKind.MembershipYear)
        {
            return false;
        }

        if (next.OpensFiche)
        {
            return LegacyCollectivityName.HasNameShape(line.Text)
                && (current is null
                    || next.Kind == LegacyLineKind.InProgress
                    || current.HeadingsSeen.Contains(next.Kind)
                    || current.HeadingsSeen.Contains(LegacyLineKind.TypeLabel)
                    || current.HeadingsSeen.Contains(LegacyLineKind.ContactHeading)
                    || LegacyCollectivityName.LooksLikeCollectivity(line.Text));
        }

        return awaiting is null
            && next.BlankBefore
            && (line.BlankBefore || current is null)
            && LegacyCollectivityName.HasNameShape(line.Text)
            && LegacyCollectivityName.LooksLikeCollectivity(line.Text);
    }
}
