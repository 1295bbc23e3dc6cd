namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>Why a comparison uses the group it uses, in French — the same sentence on the page and in the API.</summary>
public static class PeerGroupExplanation
{
    /// <summary>
    /// "Groupe comparé : communes de moins de 10 000 habitants de la région Bretagne." or, widened,
    /// "… n’en compte que 2 avec une valeur (il en faut au moins 5) : …".
    /// </summary>
    public static string Of(PeerGroup group, IReadOnlyList<PeerGroupStep> steps, Func<string?, string?> regionName)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return $"Groupe comparé : {group.Describe(regionName)}.";
        }

        if (steps.Count == 1)
        {
            return $"Groupe comparé : les collectivités qui lui ressemblent, {group.Describe(regionName)} ({Members(steps[0].MembersWithValue)} avec une valeur).";
        }

        var tried = string.Join(" ; ", steps.Take(steps.Count - 1).Select(s =>
            $"{s.Group.Describe(regionName)} : {Members(s.MembersWithValue)} avec une valeur"));
        return $"Groupe comparé : {group.Describe(regionName)} ({Members(steps[^1].MembersWithValue)} avec une valeur). "
            + $"Le groupe des collectivités qui lui ressemblent a été élargi pas à pas, faute d’au moins {PeerGroupRequest.SimilarMinimum} membres avec une valeur ({tried}).";
    }

    private static string Members(int count) => count switch
    {
        0 => "aucun membre",
        1 => "1 membre",
        _ => count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " membres",
    };
}
