using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>What a refused, signed-in user gets, by the reason of the refusal.</summary>
public sealed class AuthorizationResultHandlerTests
{
    private static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

    [Fact]
    public async Task Forbidden_NotAMemberOfTheTenant_Answers404()
    {
        var handler = new TenantMemberHandlerStub();
        var context = await HandleAsync(AuthorizationFailure.Failed([new TenantMemberFailureReason(handler, TenantMemberFailure.NotAMember)]));

        context.Response.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task Forbidden_RoleTooLow_Answers403()
    {
        var handler = new TenantMemberHandlerStub();
        var context = await HandleAsync(AuthorizationFailure.Failed([new TenantMemberFailureReason(handler, TenantMemberFailure.RoleTooLow)]));

        context.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task Forbidden_OnlyTwoFactorMissing_RedirectsToTheSetupWithReturnUrl()
    {
        var context = await HandleAsync(AuthorizationFailure.Failed([new TwoFactorRequirement()]), "/reseau/collectivites");

        context.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        context.Response.Headers.Location.ToString().ShouldBe("/compte/deux-facteurs?ReturnUrl=%2Freseau%2Fcollectivites");
    }

    [Fact]
    public async Task Forbidden_RoleAndTwoFactorMissing_Answers403()
    {
        var context = await HandleAsync(AuthorizationFailure.Failed(
            [new RolesAuthorizationRequirement(["NetworkAdmin"]), new TwoFactorRequirement()]), "/reseau");

        context.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }

    private static async Task<DefaultHttpContext> HandleAsync(AuthorizationFailure failure, string path = "/espace/x")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        var nextCalled = false;
        await new RtesAuthorizationResultHandler().HandleAsync(_ =>
        {
            nextCalled = true;
            return Task.CompletedTask;
        }, context, Policy, PolicyAuthorizationResult.Forbid(failure));
        nextCalled.ShouldBeFalse();
        return context;
    }

    private sealed class TenantMemberHandlerStub : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) => Task.CompletedTask;
    }
}
