namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// The application's own command line, used in production without the ./rtes script:
/// <c>serve [--migrate] [--seed-demo]</c> (default), <c>migrate</c>, <c>seed-demo</c>,
/// <c>create-tenant IDENTIFIER [--membership-year YYYY] [--slug SLUG]</c>, <c>import-fiches FILE [--dry-run] [--collectivite IDENTIFIER]</c>,
/// <c>seed-synthetic [--tenants N] [--indicators N] [--years N] [--first-year YYYY]</c>. Any <c>--Key=Value</c>
/// argument is passed to configuration.
/// </summary>
public sealed record AppCommandLine(
    AppCommand Command,
    IReadOnlyList<string> Arguments,
    IReadOnlySet<string> Flags,
    IReadOnlyDictionary<string, string> Options,
    string[] ConfigurationArgs)
{
    private static readonly Dictionary<string, AppCommand> _commands = new(StringComparer.Ordinal)
    {
        ["serve"] = AppCommand.Serve,
        ["migrate"] = AppCommand.Migrate,
        ["seed-demo"] = AppCommand.SeedDemo,
        ["create-tenant"] = AppCommand.CreateTenant,
        ["import-fiches"] = AppCommand.ImportFiches,
        ["seed-synthetic"] = AppCommand.SeedSynthetic,
        ["help"] = AppCommand.Help,
        ["--help"] = AppCommand.Help,
    };

    private static readonly HashSet<string> _flagNames = ["--migrate", "--seed-demo", "--dry-run"];
    private static readonly HashSet<string> _optionNames =
        ["--membership-year", "--slug", "--collectivite", "--tenants", "--indicators", "--years", "--first-year"];

    public static AppCommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = AppCommand.Serve;
        var start = 0;
        if (args.Length > 0 && _commands.TryGetValue(args[0], out var named))
        {
            command = named;
            start = 1;
        }
        else if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            command = AppCommand.Unknown;
            start = 1;
        }

        var arguments = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = start; i < args.Length; i++)
        {
            var arg = args[i];
            if (_flagNames.Contains(arg))
            {
                flags.Add(arg);
            }
            else if (_optionNames.Contains(arg) && i + 1 < args.Length)
            {
                options[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    configuration.Add(args[++i]);
                }
            }
            else
            {
                arguments.Add(arg);
            }
        }

        return new(command, arguments, flags, options, [.. configuration]);
    }
}
