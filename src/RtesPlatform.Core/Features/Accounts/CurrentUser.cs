namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// The signed-in user of the unit of work, set once per request after authentication. Scoped.
/// The database session carries it as <c>app.user_id</c>, so that row-level security lets a user
/// read their own memberships of every tenant. While its scope lives it is the ambient user of the
/// code that set it (<see cref="Ambient"/>): a background job created there records who asked.
/// </summary>
public sealed class CurrentUser : IDisposable
{
    private static readonly AsyncLocal<CurrentUser?> _ambient = new();

    private bool _ended;

    public Guid? UserId { get; private set; }

    /// <summary>The user set on this asynchronous flow, if its scope has not ended.</summary>
    internal static CurrentUser? Ambient => _ambient.Value is { _ended: false, UserId: not null } user ? user : null;

    public void SignedIn(Guid userId)
    {
        if (UserId is { } current && current != userId)
        {
            throw new InvalidOperationException("The user of this unit of work is already set.");
        }

        UserId = userId;
        _ambient.Value = this;
    }

    /// <summary>The scope ended: this user is no longer anyone's ambient user.</summary>
    public void Dispose() => _ended = true;
}
