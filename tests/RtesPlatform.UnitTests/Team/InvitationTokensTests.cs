using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using RtesPlatform.Core.Features.Team;

namespace RtesPlatform.UnitTests.Team;

public sealed class InvitationTokensTests
{
    [Fact]
    public void NewToken_Is32RandomBytes_AndHashesToTheirSha256()
    {
        var token = InvitationTokens.NewToken();

        var bytes = WebEncoders.Base64UrlDecode(token);
        bytes.Length.ShouldBe(32);
        InvitationTokens.Hash(token).ShouldBe(SHA256.HashData(bytes));
        InvitationTokens.NewToken().ShouldNotBe(token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("not base64 at all!!")]
    public void Hash_OfSomethingThatIsNotAToken_IsNull(string? token) => InvitationTokens.Hash(token).ShouldBeNull();
}
