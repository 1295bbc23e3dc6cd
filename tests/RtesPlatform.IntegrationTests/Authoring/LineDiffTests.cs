using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>The history's difference and the dashboard's stale figures (no database needed).</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void Compute_ChangedMiddleLine_IsRemovedThenAdded_AndTheRestUnchanged()
    {
        var diff = LineDiff.Compute(["a", "b", "c"], ["a", "B", "c", "d"]);

        diff.ShouldBe(
        [
            new DiffLine(DiffKind.Unchanged, "a"),
            new DiffLine(DiffKind.Removed, "b"),
            new DiffLine(DiffKind.Added, "B"),
            new DiffLine(DiffKind.Unchanged, "c"),
            new DiffLine(DiffKind.Added, "d"),
        ]);
    }

    [Fact]
    public void Compute_FromOrToNothing_IsAllAddedOrAllRemoved()
    {
        LineDiff.Compute([], ["x", "y"]).ShouldAllBe(l => l.Kind == DiffKind.Added);
        LineDiff.Compute(["x", "y"], []).ShouldAllBe(l => l.Kind == DiffKind.Removed);
        LineDiff.Compute([], []).ShouldBeEmpty();
    }

    [Fact]
    public void StaleFigures_AreThoseMoreThanTwoYearsOld()
    {
        var content = new FicheContent
        {
            Panorama = new PanoramaSection
            {
                Figures =
                [
                    new KeyFigure { Label = "récent", Value = 1, Unit = FigureUnit.Count, Year = 2024 },
                    new KeyFigure { Label = "ancien", Value = 1, Unit = FigureUnit.Count, Year = 2023 },
                ],
            },
            Actions = [new SupportedAction { Title = "Club", Results = [new ResultFigure { Label = "ETP", Value = 138, Unit = FigureUnit.Fte, Year = 2019 }] }],
        };

        StaleFigures.Find(content, currentYear: 2026).Select(f => f.Label).ShouldBe(["ancien", "Club : ETP"]);
    }
}
