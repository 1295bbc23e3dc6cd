using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without the web host. The connection string
/// is never opened to generate a migration; set <c>RTES_DESIGN_CONNECTION</c> to run other
/// <c>dotnet ef</c> commands against a database.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RtesDbContext>
{
    public RtesDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("RTES_DESIGN_CONNECTION")
            ?? "Host=127.0.0.1;Database=rtes_design;Username=rtes_owner";
        var options = new DbContextOptionsBuilder<RtesDbContext>().UseNpgsql(connectionString).Options;
        return new RtesDbContext(options, new TenantContext());
    }
}
