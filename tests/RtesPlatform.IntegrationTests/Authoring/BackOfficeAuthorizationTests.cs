using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// Every back-office route requires the tenant-editor policy: these tests fail as soon as a page
/// under /espace is added without it. What the policy itself lets through (members of the tenant
/// in the URL) is tested with the real policies in <see cref="TenantAccessTests"/>.
/// </summary>
public sealed class BackOfficeAuthorizationTests(BackOffice site) : IClassFixture<BackOffice>
{
    [Fact]
    public void EveryRouteUnderEspace_RequiresTheTenantEditorPolicy()
    {
        var routes = site.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("espace", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(11);
        foreach (var route in routes)
        {
            route.Metadata.GetMetadata<IAllowAnonymous>().ShouldBeNull(route.RoutePattern.RawText);
            route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
                .ShouldContain(Policies.TenantEditor, route.RoutePattern.RawText);
        }
    }

    [Fact]
    public void EveryPageModelOfTheBackOffice_CarriesTheTenantEditorPolicy()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "RtesPlatform.Web.Pages.Espace" && !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t))
            .ToList();

        pageModels.Count.ShouldBeGreaterThanOrEqualTo(11);
        foreach (var type in pageModels)
        {
            type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy)
                .ShouldContain(Policies.TenantEditor, type.Name);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/budget")]
    [InlineData("/apercu")]
    [InlineData("/historique")]
    [InlineData("/journal")]
    [InlineData("/actions/nouvelle")]
    public async Task Anonymous_IsRefusedEveryBackOfficePage(string path)
    {
        var tenant = await site.CreateTenantAsync();
        using var anonymous = site.Host.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(new Uri($"/espace/{tenant.Slug}{path}", UriKind.Relative));

        ((int)response.StatusCode).ShouldBeOneOf(StatusCodes.Status401Unauthorized, StatusCodes.Status302Found);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(tenant.Name);
    }

    [Fact]
    public async Task Anonymous_CannotPublish()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, new Core.Features.Fiches.FicheContent());
        using var anonymous = site.Host.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.PostAsync(new Uri($"/espace/{tenant.Slug}/publier", UriKind.Relative), new FormUrlEncodedContent([new("revision", "1")]));

        ((int)response.StatusCode).ShouldBeOneOf(StatusCodes.Status401Unauthorized, StatusCodes.Status302Found, StatusCodes.Status400BadRequest);
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(0);
    }
}
