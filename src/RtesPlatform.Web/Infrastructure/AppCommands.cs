using System.Globalization;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Synthetic;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>Runs the non-serving commands of <see cref="AppCommandLine"/>, returning a process exit code.</summary>
public static class AppCommands
{
    private const string Usage = """
        RtesPlatform.Web [command] [--Key=Value ...]

          serve [--migrate] [--seed-demo]   serve the site (default); optionally migrate and seed first
          migrate                           apply database migrations and load reference data (schema owner)
          seed-demo                         create or update the demo network (idempotent; demo accounts in Development only)
          create-tenant IDENTIFIER [--membership-year YYYY] [--slug SLUG]
                                            create a tenant from a SIREN (EPCI, EPT, commune) or
                                            commune:INSEE, departement:CODE, region:CODE
          import-fiches FILE [--dry-run] [--collectivite SIREN|kind:code]
                                            import legacy RTES fiches as drafts (one transaction per file);
                                            --collectivite names the owner of a one-fiche file without identity;
                                            exit 0: all imported, 3: some not imported, 1: none
          seed-synthetic [--tenants N] [--indicators N] [--years N] [--first-year YYYY]
                                            benchmark data: every EPCI and commune as a tenant with synthetic
                                            indicator values (~7 M; default 20 indicators x 2016-2025), then
                                            every aggregate; idempotent; schema owner (ConnectionStrings:RtesOwner)
        """;

    public static async Task PrepareToServeAsync(WebApplication app, AppCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(commandLine);

        // Fail at start, with the message saying what to set, rather than on every request.
        _ = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        // A database not reachable yet (started together with the app) is waited for, with back-off
        // and a log line per attempt, rather than crashing the process (Resilience/DatabaseStartup).
        var startup = app.Services.GetRequiredService<Resilience.DatabaseStartup>();
        var stopping = app.Lifetime.ApplicationStopping;
        if (commandLine.Flags.Contains("--migrate"))
        {
            await startup.RunAsync("migrate", ct => app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct), stopping);
        }

        if (commandLine.Flags.Contains("--seed-demo"))
        {
            await startup.RunAsync("seed-demo", async ct =>
            {
                await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                await app.Services.GetRequiredService<AccountSeeder>().SeedAsync(ct);
            }, stopping);
        }
    }

    public static async Task<int> RunAsync(WebApplication app, AppCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(commandLine);
        var cancellationToken = app.Lifetime.ApplicationStopping;
        switch (commandLine.Command)
        {
            case AppCommand.Migrate:
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                Console.WriteLine("Database migrated.");
                return 0;
            case AppCommand.SeedDemo:
                await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
                await app.Services.GetRequiredService<AccountSeeder>().SeedAsync(cancellationToken);
                Console.WriteLine("Demo network seeded.");
                return 0;
            case AppCommand.CreateTenant:
                return await CreateTenantAsync(app, commandLine, cancellationToken);
            case AppCommand.ImportFiches:
                return await LegacyImportCommand.RunAsync(app.Services, commandLine, cancellationToken);
            case AppCommand.SeedSynthetic:
                return await SeedSyntheticAsync(app, commandLine, cancellationToken);
            case AppCommand.Help:
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Unknown command.\n" + Usage);
                return 2;
        }
    }

    private static async Task<int> CreateTenantAsync(WebApplication app, AppCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await Console.Error.WriteLineAsync("create-tenant needs one identifier.\n" + Usage);
            return 2;
        }

        int? membershipYear = null;
        if (commandLine.Options.TryGetValue("--membership-year", out var yearText))
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
            {
                await Console.Error.WriteLineAsync($"--membership-year: « {yearText} » n'est pas une année valide.");
                return 2;
            }

            membershipYear = year;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(
            commandLine.Arguments[0], membershipYear, commandLine.Options.GetValueOrDefault("--slug"), cancellationToken);
        if (result.Tenant is not { } tenant)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.WasCreated ? "Created" : "Already exists")}: {tenant.Name} ({TenantKindLabels.French(tenant.Kind)}), slug {tenant.Slug}, SIREN {tenant.Siren ?? "-"}, INSEE {tenant.InseeCode ?? "-"}, population {tenant.Population} ({tenant.PopulationVintage})"));
        return 0;
    }

    private static async Task<int> SeedSyntheticAsync(WebApplication app, AppCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (app.Environment.IsProduction())
        {
            // ~36 000 active tenants with public values would reach the directory, the comparisons
            // and the open-data files: benchmark data never goes into a production database.
            await Console.Error.WriteLineAsync(
                "seed-synthetic refuses to run in the Production environment (set ASPNETCORE_ENVIRONMENT=Development for a benchmark database).");
            return 2;
        }

        var scope = SyntheticNetworkScope.Full;
        foreach (var (option, minimum, maximum) in new[] { ("--tenants", 1, 1_000_000), ("--indicators", 1, 1000), ("--years", 1, 100), ("--first-year", 1990, 2100) })
        {
            if (!commandLine.Options.TryGetValue(option, out var text))
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum || number > maximum)
            {
                await Console.Error.WriteLineAsync($"{option}: « {text} » n'est pas un nombre entre {minimum} et {maximum}.");
                return 2;
            }

            scope = option switch
            {
                "--tenants" => scope with { MaxTenants = number },
                "--indicators" => scope with { IndicatorCount = number },
                "--years" => scope with { YearCount = number },
                _ => scope with { FirstYear = number },
            };
        }

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var ownerConnectionString = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionName)
            ?? configuration.GetConnectionString(DatabaseOptions.AppConnectionName)
            ?? throw new InvalidOperationException($"No connection string: set ConnectionStrings:{DatabaseOptions.OwnerConnectionName} (schema owner).");
        var network = new SyntheticNetwork(ownerConnectionString, app.Services.GetRequiredService<TimeProvider>());
        var report = await network.RunAsync(scope, Console.WriteLine, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Synthetic network: {report.TenantsCreated:N0} tenants created, {report.TenantsReused:N0} reused, {report.TenantsSkipped:N0} existing left untouched; {report.ValuesWritten:N0} values ({report.ValuesDeleted:N0} replaced); {report.Aggregates:N0} aggregates."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Timings: load {report.LoadTime.TotalSeconds:F1} s, analyze {report.AnalyzeTime.TotalSeconds:F1} s, aggregate refresh {report.RefreshTime.TotalSeconds:F1} s, total {report.TotalTime.TotalSeconds:F1} s."));
        return 0;
    }
}
