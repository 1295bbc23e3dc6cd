namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>The users of the authorization matrix: tenant A is the one in the URL.</summary>
public enum MatrixUser
{
    Anonymous,
    EditorOfA,
    EditorOfB,
    AdminOfA,
    NetworkAdmin,
}
