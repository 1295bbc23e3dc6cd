using RtesPlatform.Bench;

return args.FirstOrDefault() switch
{
    "parse" => LegacyParseBench.Run(args.Skip(1).ToArray()),
    "comparisons" => await ComparisonBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RtesPlatform.Bench parse [SEEDS_DIR] [FICHES] | comparisons [RUNS]");
    return 2;
}
