namespace RtesPlatform.Core.Features.ApiTokens;

/// <summary>Whether a personal API token still authenticates.</summary>
public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}
