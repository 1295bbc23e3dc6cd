namespace RtesPlatform.Web.Pages.Compte;

/// <summary>What the invitation page shows.</summary>
public enum InvitationView
{
    /// <summary>Unknown, expired, revoked or used: a French explanation, nothing else.</summary>
    Refused,
    /// <summary>No account for the invited address: the account form.</summary>
    CreateAccount,
    /// <summary>An account exists and nobody is signed in: sign in first.</summary>
    SignIn,
    /// <summary>Signed in as the invited address: one button to join.</summary>
    Accept,
    /// <summary>Signed in with another account.</summary>
    OtherAccount,
}
