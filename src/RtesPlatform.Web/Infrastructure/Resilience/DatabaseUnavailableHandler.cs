using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// An exception caused by a database outage becomes a 503 with <c>Retry-After</c>: a French
/// "service momentanément indisponible" page, or ProblemDetails under <c>/api</c>. Nothing of it
/// reads the database. Other exceptions are left to the error page (500). Invoked by
/// <c>UseExceptionHandler</c> (Infrastructure/ErrorHandling.cs), outside Development.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(
    NpgsqlDataSource dataSource, IOptions<ResilienceOptions> options, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const string Title = "Service momentanément indisponible";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (DatabaseOutage.Cause(exception) is not { } cause || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogOutage(logger, httpContext.Request.Method, httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path,
            cause.GetType().Name, cause.Message);
        if (DatabaseOutage.BreaksConnections(cause))
        {
            // After a server restart every idle pooled connection is dead: drop them now, so that
            // the requests after the restart open fresh ones instead of failing one by one.
            dataSource.Clear();
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        // The exception handler middleware has already rewritten the path to the error page's: the
        // feature keeps the one the client asked for.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
        if (IsApi(path, httpContext.Request))
        {
            var problem = new ProblemDetails
            {
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                Title = Title,
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "La base de données ne répond pas pour le moment. Réessayez dans quelques secondes.",
                Instance = path,
            };
            problem.Extensions["retryAfter"] = options.Value.RetryAfterSeconds;
            problem.Extensions["traceId"] = httpContext.TraceIdentifier;
            await response.WriteAsJsonAsync(problem, _json, "application/problem+json", cancellationToken);
        }
        else
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(UnavailablePage.Html, cancellationToken);
        }

        return true;
    }

    private static bool IsApi(string path, HttpRequest request) =>
        new PathString(path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
           && !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {Method} {Path} answered 503 ({ExceptionType}: {Reason})")]
    private static partial void LogOutage(ILogger logger, string method, string path, string exceptionType, string reason);
}
