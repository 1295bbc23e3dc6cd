using System.Security.Claims;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// After authentication: records the signed-in user in the scoped <see cref="CurrentUser"/> (carried
/// into the database session as <c>app.user_id</c>) and opens a logging scope with the user id.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next, ILogger<CurrentUserMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(currentUser);
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await next(context);
            return;
        }

        currentUser.SignedIn(userId);
        using (logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId }))
        {
            await next(context);
        }
    }
}
