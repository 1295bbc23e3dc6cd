using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.ReferenceData;

public sealed class ReferenceDataTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrate_ReferencePackage_LoadsEveryKindOfCollectivity()
    {
        var expectedCommunes = CountInPackage("communes.json", e => e.GetProperty("type").GetString() == "commune-actuelle");
        Dictionary<RefKind, int> counts = [];

        await database.RunWithoutTenantAsync(async db =>
            counts = await db.RefCollectivities.GroupBy(r => r.Kind).ToDictionaryAsync(g => g.Key, g => g.Count()));

        counts[RefKind.Commune].ShouldBe(expectedCommunes);
        counts[RefKind.Commune].ShouldBeInRange(34_000, 36_000);
        counts[RefKind.Epci].ShouldBe(1255);
        counts[RefKind.Ept].ShouldBe(11);
        counts[RefKind.Departement].ShouldBeGreaterThanOrEqualTo(101);
        counts[RefKind.Region].ShouldBeGreaterThanOrEqualTo(18);
    }

    [Fact]
    public async Task Migrate_ReferencePackage_RecordsOneLoadWithItsRowCount()
    {
        var rows = await database.QueryAsAdminAsync<long>("SELECT count(*) FROM ref_collectivities");

        await database.RunWithoutTenantAsync(async db =>
        {
            var load = await db.ReferenceDataLoads.SingleAsync();
            load.PackageVersion.ShouldBe("6.0.0");
            load.Vintage.ShouldBe(2026);
            load.RowCount.ShouldBe((int)rows);
        });
    }

    [Fact]
    public async Task LoadIfChanged_SamePackageAgain_DoesNothing()
    {
        var before = await database.QueryAsAdminAsync<long>("SELECT count(*) FROM ref_collectivities");
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();

        var loaded = await database.Services.GetRequiredService<ReferenceDataLoader>()
            .LoadIfChangedAsync(connection, CancellationToken.None);

        loaded.ShouldBe(0);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM reference_data_loads")).ShouldBe(1);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM ref_collectivities")).ShouldBe(before);
    }

    [Fact]
    public async Task Migrate_Epci_KeepsTheSirenAndGroupType()
    {
        await database.RunWithoutTenantAsync(async db =>
        {
            var rochelle = await db.RefCollectivities.SingleAsync(r => r.Kind == RefKind.Epci && r.Code == "241700434");
            rochelle.Siren.ShouldBe("241700434");
            rochelle.GroupType.ShouldBe("CA");
            rochelle.Population.ShouldBe(185_015);
            rochelle.DepartementCode.ShouldBe("17");
            rochelle.RegionCode.ShouldBe("75");
            rochelle.PostalCodes.ShouldContain("17000");
        });
    }

    private static int CountInPackage(string file, Func<JsonElement, bool> predicate)
    {
        using var stream = File.OpenRead(RepositoryPaths.ReferenceDataFile(file));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Count(predicate);
    }
}
