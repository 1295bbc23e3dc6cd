using RtesPlatform.Core.Data;

namespace RtesPlatform.UnitTests.Data;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Tenants", "tenants")]
    [InlineData("FicheDrafts", "fiche_drafts")]
    [InlineData("TenantId", "tenant_id")]
    [InlineData("PK_FicheVersions", "pk_fiche_versions")]
    [InlineData("IX_Tenants_CustomHost", "ix_tenants_custom_host")]
    [InlineData("FK_FicheDrafts_Tenants_TenantId", "fk_fiche_drafts_tenants_tenant_id")]
    [InlineData("HTMLContent", "html_content")]
    [InlineData("Vintage2026Count", "vintage2026_count")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Id", "id")]
    public void ToSnakeCase_PascalCaseName_GivesSnakeCase(string name, string expected) =>
        SnakeCaseNames.ToSnakeCase(name).ShouldBe(expected);
}
