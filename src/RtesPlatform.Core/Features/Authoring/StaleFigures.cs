using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>Finds the figures an officer should update: older than two years.</summary>
public static class StaleFigures
{
    public const int MaxAgeYears = 2;

    public static IReadOnlyList<StaleFigure> Find(FicheContent content, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(content);
        var oldest = currentYear - MaxAgeYears;
        var figures = content.Panorama.Figures.Select(f => new StaleFigure(FicheSection.Panorama, f.Label, f.Year))
            .Concat(content.Budget.Lines.Select(l => new StaleFigure(FicheSection.Budget, l.Label, l.Year)))
            .Concat(content.Budget.Staff is { } staff ? [new StaleFigure(FicheSection.Budget, "Moyens humains (ETP)", staff.Year)] : [])
            .Concat(content.Actions.SelectMany(a => a.Results.Select(r => new StaleFigure(FicheSection.Actions, $"{a.Title} : {r.Label}", r.Year))));
        return [.. figures.Where(f => f.Year < oldest)];
    }
}
