namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// Line-based difference by longest common subsequence. Sections hold tens of lines, so the
/// quadratic table is cheap; a changed line reads as a removed line followed by an added one.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lcs = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int a = 0, b = 0;
        while (a < before.Count && b < after.Count)
        {
            if (string.Equals(before[a], after[b], StringComparison.Ordinal))
            {
                lines.Add(new DiffLine(DiffKind.Unchanged, before[a++]));
                b++;
            }
            else if (lcs[a + 1, b] >= lcs[a, b + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, before[a++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, after[b++]));
            }
        }

        lines.AddRange(before.Skip(a).Select(l => new DiffLine(DiffKind.Removed, l)));
        lines.AddRange(after.Skip(b).Select(l => new DiffLine(DiffKind.Added, l)));
        return lines;
    }
}
