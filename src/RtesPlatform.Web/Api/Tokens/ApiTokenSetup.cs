namespace RtesPlatform.Web.Api.Tokens;

/// <summary>Authentication of API callers: Identity bearer tokens and personal API tokens.</summary>
public static class ApiTokenSetup
{
    public static WebApplicationBuilder AddRtesApiTokens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
