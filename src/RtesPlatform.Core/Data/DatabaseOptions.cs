namespace RtesPlatform.Core.Data;

/// <summary>Connection strings: the application's restricted role, and the schema owner for migrations.</summary>
public static class DatabaseOptions
{
    /// <summary>The application role: LOGIN, not owner, not superuser, no BYPASSRLS.</summary>
    public const string AppConnectionName = "Rtes";

    /// <summary>The owner of the schema; used only by the migrate command. Falls back to the app connection.</summary>
    public const string OwnerConnectionName = "RtesOwner";

    /// <summary>The group role the migrations grant table privileges to; the app's login role is a member.</summary>
    public const string AppRole = "rtes_app";
}
