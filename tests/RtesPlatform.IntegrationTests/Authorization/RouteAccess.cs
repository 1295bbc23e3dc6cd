namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>Who may open a route, as the authorization matrix expects it.</summary>
public enum RouteAccess
{
    /// <summary>An editor or admin of the tenant in the URL; other signed-in users get 404.</summary>
    TenantEditor,

    /// <summary>An admin of the tenant in the URL; its editors get 403, other signed-in users 404.</summary>
    TenantAdmin,

    /// <summary>A network admin signed in with two factors; every other signed-in user gets 403.</summary>
    NetworkAdmin,

    /// <summary>Any signed-in user (their own account pages).</summary>
    SignedIn,

    /// <summary>
    /// A landing that only redirects: anonymous users to the public home, signed-in users to where
    /// they start (<c>/compte/accueil</c>).
    /// </summary>
    Landing,

    /// <summary>Open to anonymous visitors (sign-in, reset…): not requested by the matrix, only checked to carry no policy.</summary>
    Public,
}
