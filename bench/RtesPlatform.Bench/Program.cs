using RtesPlatform.Bench;

return args.FirstOrDefault() switch
{
    "parse" => LegacyParseBench.Run(args.Skip(1).ToArray()),
    "comparisons" => await ComparisonBench.RunAsync(args.Skip(1).ToArray()),
    "mixed" => await MixedWorkload.RunAsync(args.Skip(1).ToArray()),
    "jobs" => await JobsBench.RunAsync(args.Skip(1).ToArray()),
    "job-node" => await JobsBench.NodeAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RtesPlatform.Bench parse [SEEDS_DIR] [FICHES] | comparisons [RUNS] | jobs [LATENCY_RUNS] [NOOP_JOBS] | mixed BASE_URL STATIC_PATH [CONNECTIONS] [ROUNDS] [MIXED_S] [STATIC_S] [WARMUP_S]");
    return 2;
}
