namespace RtesPlatform.Web.Api.Tokens;

/// <summary>The body of <c>POST /api/v1/auth/refresh</c>: the refresh token of the last token response.</summary>
public sealed record RefreshRequest
{
    public string? RefreshToken { get; init; }
}
