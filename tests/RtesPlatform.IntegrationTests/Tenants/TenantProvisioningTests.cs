using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Tenants;

public sealed class TenantProvisioningTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Create_SirenOfCommunauteAgglomeration_CopiesTheOfficialRecord()
    {
        var result = await CreateAsync("241700434", membershipYear: 2015);

        result.Error.ShouldBeNull();
        result.WasCreated.ShouldBeTrue();
        var tenant = await ReloadAsync(result);
        tenant.Name.ShouldBe("CA de La Rochelle");
        tenant.Slug.ShouldBe("ca-de-la-rochelle");
        tenant.Kind.ShouldBe(TenantKind.CommunauteAgglomeration);
        tenant.Siren.ShouldBe("241700434");
        tenant.InseeCode.ShouldBeNull();
        tenant.Population.ShouldBe(185_015);
        tenant.PopulationVintage.ShouldBe(2026);
        tenant.RegionCode.ShouldBe("75");
        tenant.RegionName.ShouldBe("Nouvelle-Aquitaine");
        tenant.DepartementCode.ShouldBe("17");
        tenant.DepartementName.ShouldBe("Charente-Maritime");
        tenant.MembershipYear.ShouldBe(2015);
        tenant.Status.ShouldBe(TenantStatus.Active);
    }

    [Fact]
    public async Task Create_SirenOfTerritorialPublicEstablishment_GivesAnEpt()
    {
        var tenant = await ReloadAsync(await CreateAsync("200057875"));

        tenant.Name.ShouldBe("Est Ensemble");
        tenant.Kind.ShouldBe(TenantKind.EtablissementPublicTerritorial);
        tenant.Population.ShouldBe(449_538);
        tenant.RegionCode.ShouldBe("11");
        tenant.DepartementCode.ShouldBe("93");
    }

    [Fact]
    public async Task Create_Region_SumsThePopulationOfItsCommunes()
    {
        var expected = CommunePopulation(c => c.GetProperty("region").GetString() == "44");

        var tenant = await ReloadAsync(await CreateAsync("region:44"));

        tenant.Name.ShouldBe("Région Grand Est");
        tenant.Kind.ShouldBe(TenantKind.Region);
        tenant.Siren.ShouldBeNull();
        tenant.InseeCode.ShouldBe("44");
        tenant.Population.ShouldBe(expected);
        tenant.Population!.Value.ShouldBeInRange(5_000_000, 6_000_000);
        tenant.PopulationVintage.ShouldBe(2026);
        tenant.RegionName.ShouldBe("Grand Est");
        tenant.DepartementCode.ShouldBeNull();
    }

    [Fact]
    public async Task Create_Departement_NamesItWithTheRightArticle()
    {
        var expected = CommunePopulation(c => c.GetProperty("departement").GetString() == "08");

        var tenant = await ReloadAsync(await CreateAsync("departement:08"));

        tenant.Name.ShouldBe("Département des Ardennes");
        tenant.Slug.ShouldBe("departement-des-ardennes");
        tenant.Kind.ShouldBe(TenantKind.Departement);
        tenant.InseeCode.ShouldBe("08");
        tenant.Population.ShouldBe(expected);
        tenant.RegionCode.ShouldBe("44");
        tenant.RegionName.ShouldBe("Grand Est");
        tenant.DepartementName.ShouldBe("Ardennes");
    }

    [Fact]
    public async Task Create_Commune_UsesItsInseeCodeAndSiren()
    {
        var tenant = await ReloadAsync(await CreateAsync("commune:17300"));

        tenant.Name.ShouldBe("La Rochelle");
        tenant.Kind.ShouldBe(TenantKind.Commune);
        tenant.InseeCode.ShouldBe("17300");
        tenant.Siren.ShouldBe("211703004");
        tenant.DepartementName.ShouldBe("Charente-Maritime");
    }

    [Theory]
    [InlineData("241700435")] // La Rochelle with a wrong Luhn key
    [InlineData("24170043")]
    [InlineData("CA La Rochelle")]
    public async Task Create_InvalidSiren_FailsInFrenchAndCreatesNothing(string identifier)
    {
        var before = await TenantCountAsync();

        var result = await CreateAsync(identifier);

        result.Tenant.ShouldBeNull();
        result.WasCreated.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain("n'est pas un numéro SIREN correct");
        (await TenantCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("123456782")] // valid Luhn key, no such collectivity
    [InlineData("region:99")]
    [InlineData("departement:00")]
    [InlineData("canton:1701")]
    public async Task Create_UnknownIdentifier_FailsInFrenchAndCreatesNothing(string identifier)
    {
        var before = await TenantCountAsync();

        var result = await CreateAsync(identifier);

        result.Tenant.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain("Aucune collectivité officielle");
        (await TenantCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("200066009", " 200066009 ")] // Mulhouse Alsace Agglomération
    [InlineData("region:53", "Region:53")] // Bretagne
    [InlineData("commune:67482", "commune: 67482")] // Strasbourg
    public async Task Create_SameCollectivityTwice_ReturnsTheExistingTenant(string identifier, string sameAgain)
    {
        var before = await TenantCountAsync();
        var first = await CreateAsync(identifier, slug: "deux-fois-" + Guid.NewGuid().ToString("N")[..6]);

        var second = await CreateAsync(sameAgain);

        first.WasCreated.ShouldBeTrue();
        second.WasCreated.ShouldBeFalse();
        second.Error.ShouldBeNull();
        second.Tenant.ShouldNotBeNull().Id.ShouldBe(first.Tenant!.Id);
        (await TenantCountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Create_SlugAlreadyTaken_FailsInFrench()
    {
        var slug = "pris-" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(TestSirens.Next(), slug: slug);

        var result = await CreateAsync(TestSirens.Next(), slug: slug);

        result.Tenant.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain("déjà pris");
    }

    [Fact]
    public async Task Create_RegionThenDepartementWithTheSameCode_CreatesBoth()
    {
        // Région 52 (Pays de la Loire) and département 52 (Haute-Marne) share their INSEE code.
        var region = await CreateAsync("region:52");

        var departement = await CreateAsync("departement:52");

        region.WasCreated.ShouldBeTrue();
        departement.Error.ShouldBeNull();
        departement.WasCreated.ShouldBeTrue();
        departement.Tenant.ShouldNotBeNull().Name.ShouldBe("Département de la Haute-Marne");
    }

    private async Task<TenantProvisioningResult> CreateAsync(string identifier, int? membershipYear = null, string? slug = null)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantProvisioning>()
            .CreateAsync(identifier, membershipYear, slug, CancellationToken.None);
    }

    /// <summary>Reads the tenant back from the database, so the test checks what was stored.</summary>
    private async Task<Tenant> ReloadAsync(TenantProvisioningResult result)
    {
        result.Error.ShouldBeNull();
        var id = result.Tenant.ShouldNotBeNull().Id;
        Tenant? tenant = null;
        await database.RunWithoutTenantAsync(async db => tenant = await db.Tenants.FindAsync(id));
        return tenant.ShouldNotBeNull();
    }

    private Task<long> TenantCountAsync() => database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants");

    private static int CommunePopulation(Func<JsonElement, bool> predicate)
    {
        using var stream = File.OpenRead(RepositoryPaths.ReferenceDataFile("communes.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == "commune-actuelle" && predicate(c))
            .Sum(c => c.TryGetProperty("population", out var p) ? p.GetInt32() : 0);
    }
}
