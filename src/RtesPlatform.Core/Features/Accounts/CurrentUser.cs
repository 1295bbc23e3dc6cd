namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// The signed-in user of the unit of work, set once per request after authentication. Scoped.
/// The database session carries it as <c>app.user_id</c>, so that row-level security lets a user
/// read their own memberships of every tenant.
/// </summary>
public sealed class CurrentUser
{
    public Guid? UserId { get; private set; }

    public void SignedIn(Guid userId)
    {
        if (UserId is { } current && current != userId)
        {
            throw new InvalidOperationException("The user of this unit of work is already set.");
        }

        UserId = userId;
    }
}
