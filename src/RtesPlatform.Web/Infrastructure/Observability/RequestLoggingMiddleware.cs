using System.Diagnostics;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>
/// First in the pipeline: gives the request its id (a valid incoming <c>X-Request-Id</c>, else the
/// trace id, else a new one), echoes it in the response, opens the request's logging scope
/// (<see cref="RequestLogScope"/>) and writes one line when the request ends: method, path (never
/// the query string, which may carry tokens), status and duration. The framework's own
/// per-request lines are switched off in appsettings.json.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxRequestIdLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = Stopwatch.GetTimestamp();
        var requestId = IncomingRequestId(context) ?? NewRequestId();
        context.TraceIdentifier = requestId;
        context.Response.Headers[HeaderName] = requestId;
        var method = context.Request.Method;
        var path = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        var area = SiteArea.Of(context.Request.Path);
        if (area == SiteArea.Health && Activity.Current is { } probeActivity)
        {
            // Probes every few seconds from every orchestrator would drown the traces.
            probeActivity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            probeActivity.IsAllDataRequested = false;
        }

        var scope = new RequestLogScope(context, context.RequestServices.GetService<TenantContext>(), requestId);
        var status = StatusCodes.Status500InternalServerError;
        using (logger.BeginScope(scope))
        {
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var level = status >= 500 ? LogLevel.Warning : area == SiteArea.Health ? LogLevel.Debug : LogLevel.Information;
                LogCompleted(logger, level, method, path, status, Math.Round(elapsed, 1));
                RtesTelemetry.Requests.Add(1, new("rtes.area", area), new("http.response.status_class", StatusClass(status)));
                TagActivity(scope);
                scope.Complete();
            }
        }
    }

    [LoggerMessage(EventId = 1, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMs);

    /// <summary>A client's or a proxy's id is kept only if it is short and plain: it ends up in every log line.</summary>
    internal static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxRequestIdLength }
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static string? IncomingRequestId(HttpContext context)
    {
        var values = context.Request.Headers[HeaderName];
        return values.Count == 1 && IsValid(values[0]) ? values[0] : null;
    }

    /// <summary>The trace id when a trace is recorded, so that a log line leads to its trace.</summary>
    private static string NewRequestId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.TraceId.ToHexString()
            : Guid.NewGuid().ToString("N");

    private static string StatusClass(int status) => status switch
    {
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };

    private static void TagActivity(RequestLogScope scope)
    {
        if (Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        activity.SetTag("rtes.request_id", scope.RequestId);
        if (scope.Tenant is { } tenant)
        {
            activity.SetTag("rtes.tenant.id", tenant.Id.ToString());
            activity.SetTag("rtes.tenant.slug", tenant.Slug);
        }

        if (scope.UserId is { } userId)
        {
            activity.SetTag("enduser.id", userId);
        }
    }
}
