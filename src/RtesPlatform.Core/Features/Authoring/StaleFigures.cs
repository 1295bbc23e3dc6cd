using System.Globalization;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>Finds the figures an officer should update: older than two years, each with the link to its own row.</summary>
public static class StaleFigures
{
    public const int MaxAgeYears = 2;

    public static IReadOnlyList<StaleFigure> Find(FicheContent content, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(content);
        var oldest = currentYear - MaxAgeYears;
        var figures = content.Panorama.Figures.Select((f, i) => new StaleFigure(FicheSection.Panorama, f.Label, f.Year, Link($"panorama#chiffre-{i + 1}")))
            .Concat(content.Budget.Lines.Select((l, i) => new StaleFigure(FicheSection.Budget, l.Label, l.Year, Link($"budget#ligne-{i + 1}"))))
            .Concat(content.Budget.Staff is { } staff ? [new StaleFigure(FicheSection.Budget, "Moyens humains (ETP)", staff.Year, "budget#moyens-humains")] : [])
            .Concat(content.Actions.SelectMany((a, i) => a.Results.Select((r, j) =>
                new StaleFigure(FicheSection.Actions, $"{a.Title} : {r.Label}", r.Year, Link($"actions/{i}#resultat-{j + 1}")))));
        return [.. figures.Where(f => f.Year < oldest)];
    }

    private static string Link(FormattableString link) => link.ToString(CultureInfo.InvariantCulture);
}
