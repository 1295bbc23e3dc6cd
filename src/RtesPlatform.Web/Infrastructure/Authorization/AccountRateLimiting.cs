using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Limits sign-in, password reset and two-factor submissions per client IP address and per
/// submitted email address (fixed windows, both must allow). A refusal answers 429 with
/// <c>Retry-After</c>, rendered by the French error page.
/// </summary>
public static class AccountRateLimiting
{
    private const string EmailItem = "rtes:rate-limit-email";

    private static readonly string[] LimitedPaths =
    [
        "/compte/connexion",
        "/compte/mot-de-passe-oublie",
        "/compte/reinitialiser-mot-de-passe",
        "/compte/deux-facteurs/verification",
        "/compte/invitation",
    ];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((options, accountOptions) =>
        {
            var limits = accountOptions.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(context => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.RateLimitPerAddress, limits.RateLimitWindow),
                Partitioned(context => context.Items[EmailItem] as string is { Length: > 0 } email ? "email:" + email : null, limits.RateLimitPerEmail, limits.RateLimitWindow));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.RateLimitWindow;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Reads the submitted email of a limited form before the rate limiter runs (the limiter's
    /// partition key is chosen synchronously; the form is buffered here, asynchronously, once).
    /// </summary>
    public static IApplicationBuilder UseAccountRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLimited(context.Request) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Items[EmailItem] = form["Input.Email"].ToString().Trim().ToUpperInvariant();
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    private static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string?> key, int permitLimit, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsLimited(context.Request) && key(context) is { } partition
                ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = window,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
}
