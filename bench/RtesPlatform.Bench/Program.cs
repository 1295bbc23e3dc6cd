using RtesPlatform.Bench;

return args.FirstOrDefault() switch
{
    "parse" => LegacyParseBench.Run(args.Skip(1).ToArray()),
    "comparisons" => await ComparisonBench.RunAsync(args.Skip(1).ToArray()),
    "jobs" => await JobsBench.RunAsync(args.Skip(1).ToArray()),
    "job-node" => await JobsBench.NodeAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RtesPlatform.Bench parse [SEEDS_DIR] [FICHES] | comparisons [RUNS] | jobs [LATENCY_RUNS] [NOOP_JOBS]");
    return 2;
}
