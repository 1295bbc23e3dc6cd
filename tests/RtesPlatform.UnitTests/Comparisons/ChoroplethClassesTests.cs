using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.UnitTests.Comparisons;

/// <summary>Quantile classes of the map, against breaks computed by hand (linear interpolation, like percentile_cont).</summary>
public sealed class ChoroplethClassesTests
{
    [Fact]
    public void TenValues_FiveClasses_BreaksAtTheInterpolatedQuintiles()
    {
        // Sorted 10..100: quintile i/5 sits at position 9 × i/5 → 1.8, 3.6, 5.4, 7.2:
        // 20 + 0.8 × 10 = 28, 40 + 0.6 × 10 = 46, 60 + 0.4 × 10 = 64, 80 + 0.2 × 10 = 82.
        var classes = ChoroplethClasses.Of([70, 10, 100, 40, 20, 90, 30, 60, 50, 80]);

        classes.Classes.Select(c => (c.Number, c.Lower, c.Upper, c.Count)).ShouldBe(
        [
            (1, 10d, 28d, 2),
            (2, 28d, 46d, 2),
            (3, 46d, 64d, 2),
            (4, 64d, 82d, 2),
            (5, 82d, 100d, 2),
        ]);
        classes.NumberOf(10).ShouldBe(1);
        classes.NumberOf(28).ShouldBe(1); // a break belongs to the class below it
        classes.NumberOf(28.0001).ShouldBe(2);
        classes.NumberOf(100).ShouldBe(5);
    }

    [Fact]
    public void FewDistinctValues_AsManyClassesAsValues_AndTheMinimumAloneWhenItIsABreak()
    {
        var three = ChoroplethClasses.Of([1, 2, 3]);
        // Tertiles of 1, 2, 3: positions 2/3 and 4/3 → 1.667 and 2.333.
        three.Classes.Count.ShouldBe(3);
        three.Classes[0].Upper.ShouldBe(1 + 2d / 3, 1e-12);
        three.Classes[1].Upper.ShouldBe(2 + 1d / 3, 1e-12);
        three.Classes.Select(c => c.Count).ShouldBe([1, 1, 1]);

        var skewed = ChoroplethClasses.Of([5, 5, 10]);
        skewed.Classes.Select(c => (c.Lower, c.Upper, c.Count)).ShouldBe([(5d, 5d, 2), (5d, 10d, 1)]);
        skewed.NumberOf(5).ShouldBe(1);
        skewed.NumberOf(7).ShouldBe(2);

        var single = ChoroplethClasses.Of([4.5, 4.5]);
        single.Classes.ShouldHaveSingleItem().ShouldBe(new ChoroplethClass(1, 4.5, 4.5, 2));
    }

    [Fact]
    public void NoValue_NoClass()
    {
        ChoroplethClasses.Of([]).Classes.ShouldBeEmpty();
        ChoroplethClasses.Of([]).NumberOf(3).ShouldBeNull();
    }
}
