namespace RtesPlatform.Web.Infrastructure;

public enum AppCommand
{
    Serve,
    Migrate,
    SeedDemo,
    CreateTenant,
    ImportFiches,
    SeedSynthetic,
    Help,
    Unknown,
}
