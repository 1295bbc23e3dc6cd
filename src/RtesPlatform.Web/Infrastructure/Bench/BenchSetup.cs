namespace RtesPlatform.Web.Infrastructure.Bench;

/// <summary>Benchmark-only endpoints (bench/), mapped only when configured.</summary>
public static class BenchSetup
{
    public static WebApplication UseRtesBench(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration["Bench:StaticRoot"] is { Length: > 0 } benchRoot)
        {
            // Benchmarks only (bench/fiche-page.sh): a static copy of a page, served by the same
            // host, is the baseline the dynamic page is compared with.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(benchRoot),
                RequestPath = "/_bench",
            });
        }

        return app;
    }
}
