using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RtesPlatform.Web.Api;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// The global rate limiter, three chained partitions (each must allow): sign-in, password reset
/// and two-factor submissions per client IP address and per submitted email address (fixed
/// windows), and every request under <c>/api</c> per API client (<see cref="ApiRateLimitOptions"/>:
/// the signed-in user, else the bearer token, else the IP address). A refusal answers 429 with
/// <c>Retry-After</c>, rendered by the French error page, or as ProblemDetails for the API.
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
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>, IOptions<ApiRateLimitOptions>>((options, accountOptions, apiOptions) =>
        {
            var limits = accountOptions.Value;
            var api = apiOptions.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(context => "ip:" + ClientAddress(context), limits.RateLimitPerAddress, limits.RateLimitWindow),
                Partitioned(context => context.Items[EmailItem] as string is { Length: > 0 } email ? "email:" + email : null, limits.RateLimitPerEmail, limits.RateLimitWindow),
                ApiPartitioned(api));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var isApi = ApiProblems.IsApiRequest(http.Request);
                var window = isApi ? api.Window : limits.RateLimitWindow;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (isApi)
                {
                    await ApiProblems.WriteAsync(http, ApiProblems.Create(http, StatusCodes.Status429TooManyRequests,
                        $"Limite de {api.PermitLimit} requêtes par période de {api.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s atteinte : réessayez dans {seconds} s.",
                        $"Limit of {api.PermitLimit} requests per {api.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s window reached: retry in {seconds} s."));
                }
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

    /// <summary>
    /// One fixed window per API client. The limiter runs before authentication, so a bearer
    /// token stands for its holder (by its hash: the token itself is never kept); the user id
    /// is used when a principal is already known.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> ApiPartitioned(ApiRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            ApiProblems.IsApiRequest(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ApiClient(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));

    internal static string ApiClient(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
        {
            return "api-user:" + userId;
        }

        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
            return "api-token:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
        }

        return "api-ip:" + ClientAddress(context);
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
