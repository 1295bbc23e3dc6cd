using System.Collections;
using System.Globalization;
using System.Security.Claims;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>
/// The logging scope of one request: request id, then the tenant and the user as soon as tenant
/// resolution and authentication (which run later in the pipeline) know them. The values are read
/// when a line is written, not when the scope opens. <see cref="Complete"/> freezes them when the
/// request ends, so that a line written later (a continuation still running) neither touches a
/// recycled <see cref="HttpContext"/> nor loses the ids.
/// </summary>
internal sealed class RequestLogScope(HttpContext context, TenantContext? tenantContext, string requestId)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RequestIdKey = "RequestId";
    public const string TenantIdKey = "TenantId";
    public const string TenantSlugKey = "TenantSlug";
    public const string UserIdKey = "UserId";

    private HttpContext? _context = context;
    private TenantInfo? _tenant;
    private string? _userId;

    public string RequestId { get; } = requestId;

    public TenantInfo? Tenant
    {
        get
        {
            Refresh();
            return _tenant;
        }
    }

    public string? UserId
    {
        get
        {
            Refresh();
            return _userId;
        }
    }

    public int Count => Items().Count;

    public KeyValuePair<string, object?> this[int index] => Items()[index];

    /// <summary>Reads the last values and lets go of the request.</summary>
    public void Complete()
    {
        Refresh();
        _context = null;
        tenantContext = null;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Items().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var items = Items();
        return string.Join(' ', items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key}:{i.Value}")));
    }

    private List<KeyValuePair<string, object?>> Items()
    {
        Refresh();
        var items = new List<KeyValuePair<string, object?>>(4) { new(RequestIdKey, RequestId) };
        if (_tenant is { } tenant)
        {
            items.Add(new(TenantIdKey, tenant.Id));
            items.Add(new(TenantSlugKey, tenant.Slug));
        }

        if (_userId is { } userId)
        {
            items.Add(new(UserIdKey, userId));
        }

        return items;
    }

    private void Refresh()
    {
        // Once known, a request's tenant and user do not change (TenantContext and CurrentUser refuse to switch).
        _tenant ??= tenantContext?.Tenant;
        if (_userId is null && _context is { } httpContext)
        {
            _userId = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
    }
}
