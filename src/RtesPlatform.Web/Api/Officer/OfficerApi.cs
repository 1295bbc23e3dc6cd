using Microsoft.AspNetCore.Authorization;
using RtesPlatform.Web.Api.Tokens;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// Officers' writes under <c>/api/v1/workspace/{slug}</c> (draft sections, indicator values,
/// publication), and the endpoints that issue Identity bearer tokens (<c>/api/v1/auth</c>).
/// The workspace authenticates with the two bearer schemes only, never the session cookie; the
/// tenant was resolved with tenant access (RLS scope) by TenantResolutionMiddleware.
/// </summary>
public static class OfficerApi
{
    public static RouteGroupBuilder MapOfficerApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapIdentityTokens();
        var workspace = api.MapGroup("/workspace/{slug}")
            .RequireAuthorization(
                new AuthorizeAttribute { Policy = Policies.TenantEditor, AuthenticationSchemes = ApiAuthentication.Schemes },
                new AuthorizeAttribute { Policy = ApiAuthentication.TokenTenantPolicy })
            .WithTags("Espace de la collectivité");
        DraftEndpoints.Map(workspace);
        IndicatorValueEndpoints.Map(workspace);
        PublicationEndpoints.Map(workspace);
        return api;
    }
}
