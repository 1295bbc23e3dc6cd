namespace RtesPlatform.Web.Api.Officer;

/// <summary>Officers' writes: draft sections, figures, publication.</summary>
public static class OfficerApi
{
    public static RouteGroupBuilder MapOfficerApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api;
    }
}
