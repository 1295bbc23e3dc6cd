using Microsoft.Extensions.FileProviders;
using Npgsql;

namespace RtesPlatform.Web.Infrastructure.Bench;

/// <summary>
/// Benchmark-only baselines of bench/fiche-page.sh, mapped only when configured, before routing
/// so that they pay no more of the pipeline than a static file: <c>Bench:StaticRoot</c> serves a
/// folder at <c>/_bench/</c> (a static copy of a page), <c>Bench:RawEndpoint=true</c> maps
/// <c>/_bench/raw/{slug}</c> (the page's data read with one raw Npgsql query) and
/// <c>/_bench/db-commands</c> (the number of database commands run so far).
/// </summary>
public static class BenchSetup
{
    public static WebApplication UseRtesBench(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>("Bench:RawEndpoint"))
        {
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            var counter = new DatabaseCommandCounter(dataSource);
            app.Use((context, next) =>
            {
                DatabaseCommandCounter.MarkRequest();
                return next(context);
            });
            app.Map("/_bench/raw", branch => branch.Run(context => RawFicheEndpoint.WriteAsync(context, dataSource)));
            app.Lifetime.ApplicationStopped.Register(counter.Dispose);
            app.Map("/_bench/db-commands", branch => branch.Run(async context =>
            {
                var commands = await counter.CommandsAsync(context.RequestAborted);
                await context.Response.WriteAsync(commands.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }));
        }

        if (app.Configuration["Bench:StaticRoot"] is { Length: > 0 } benchRoot)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(benchRoot),
                RequestPath = "/_bench",
            });
        }

        return app;
    }
}
