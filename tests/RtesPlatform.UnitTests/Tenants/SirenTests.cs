using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.UnitTests.Tenants;

public sealed class SirenTests
{
    [Theory]
    [InlineData("241700434")] // CA de La Rochelle
    [InlineData("200057875")] // Est Ensemble
    [InlineData("200066009")] // Mulhouse Alsace Agglomération
    public void IsValid_OfficialSiren_ReturnsTrue(string siren) => Siren.IsValid(siren).ShouldBeTrue();

    [Theory]
    [InlineData("241700435")] // La Rochelle with a wrong Luhn key
    [InlineData("200057876")]
    [InlineData("24170043")] // 8 digits
    [InlineData("2417004340")] // 10 digits
    [InlineData("24170043A")]
    [InlineData("241 700 434")]
    [InlineData("２４１７００４３４")] // full-width digits are digits for char.IsDigit, not for a SIREN
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_MalformedOrWrongKey_ReturnsFalse(string? siren) => Siren.IsValid(siren).ShouldBeFalse();
}
