namespace RtesPlatform.Core.Features.Accounts;

/// <summary>Identity roles (global, not per tenant).</summary>
public static class NetworkRoles
{
    /// <summary>RTES staff: the network console; two-factor authentication is mandatory.</summary>
    public const string NetworkAdmin = "NetworkAdmin";
}
