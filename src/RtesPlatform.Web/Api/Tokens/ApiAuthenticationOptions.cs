namespace RtesPlatform.Web.Api.Tokens;

/// <summary>Configuration section <c>Api:Authentication</c>: lifetimes of the Identity bearer tokens.</summary>
public sealed class ApiAuthenticationOptions
{
    public const string SectionName = "Api:Authentication";

    /// <summary>How long an access token from <c>POST /api/v1/auth/token</c> is accepted.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long its refresh token may get a new one (the account's security stamp is checked then).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
