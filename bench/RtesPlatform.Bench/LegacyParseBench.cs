using System.Diagnostics;
using System.Globalization;
using System.Text;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.Bench;

/// <summary>
/// Fiches parsed per second by the legacy importer's parser, on a file of N fiches built by
/// repeating the Grand Est seed (each copy renamed so that none is a duplicate). The baseline,
/// measured in the same run, is the floor any parser pays: splitting the same text into lines
/// and trimming them.
/// </summary>
internal static class LegacyParseBench
{
    public static int Run(string[] args)
    {
        var seeds = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "seeds");
        var target = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var seed = File.ReadAllText(Path.Combine(seeds, "rtes-fiches-grand-est.txt"));
        var perCopy = LegacyFicheParser.Parse(seed).Fiches.Count;
        var names = LegacyFicheParser.Parse(seed).Fiches.Select(f => f.SourceName!).ToList();

        var text = new StringBuilder(seed.Length * (target / perCopy + 1));
        for (var copy = 0; copy * perCopy < target; copy++)
        {
            var block = seed;
            foreach (var name in names)
            {
                block = block.Replace("\n" + name + "\n", $"\n{name} {copy}\n", StringComparison.Ordinal);
            }

            text.Append(block).Append('\n');
        }

        var input = text.ToString();
        var megabytes = Encoding.UTF8.GetByteCount(input) / 1024.0 / 1024.0;

        // Warm-up, then the best of three runs of each.
        _ = LegacyFicheParser.Parse(input);
        var checksum = 0;
        var baseline = Best(() => checksum += input.Split('\n').Sum(l => l.Trim().Length));
        var fiches = 0;
        var parse = Best(() => fiches = LegacyFicheParser.Parse(input).Fiches.Count);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        _ = LegacyFicheParser.Parse(input);
        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Legacy fiche parser — {Environment.ProcessorCount} cores, {fiches:N0} fiches, {megabytes:F1} MB of text"));
        Console.WriteLine(string.Create(inv, $"{"target",-38} {"seconds",9} {"fiches/s",12}"));
        Console.WriteLine(string.Create(inv, $"{"baseline: split and trim the lines",-38} {baseline.TotalSeconds,9:F3} {fiches / baseline.TotalSeconds,12:N0}"));
        Console.WriteLine(string.Create(inv, $"{"LegacyFicheParser.Parse",-38} {parse.TotalSeconds,9:F3} {fiches / parse.TotalSeconds,12:N0}"));
        Console.WriteLine(string.Create(inv, $"parser / baseline time: {parse.TotalSeconds / baseline.TotalSeconds:F1}x; allocated per parse: {perRun:F0} MB"));
        var rate = fiches / parse.TotalSeconds;
        Console.WriteLine(rate >= 1000
            ? string.Create(inv, $"importer parser ≥ 1 000 fiches/s: MET ({rate:N0}/s)")
            : string.Create(inv, $"importer parser ≥ 1 000 fiches/s: MISSED by {1000 - rate:N0} fiches/s"));
        return checksum > 0 ? 0 : 1;
    }

    private static TimeSpan Best(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}
