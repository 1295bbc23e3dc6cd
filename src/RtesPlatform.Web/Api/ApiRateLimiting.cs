using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RtesPlatform.Web.Api.Tokens;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Api;

/// <summary>
/// The API's rate limit: one fixed window (<see cref="ApiRateLimitOptions"/>) per API client for
/// every request under <c>/api</c>. It runs after authentication, so the client is who
/// authenticated — the personal token (by id) or the account (by user id) — and, for anything that
/// did not authenticate, the client address: a made-up or wrong <c>Authorization</c> header buys
/// no bucket of its own. A refusal is 429 with <c>Retry-After</c>, as ProblemDetails. (Credential
/// guessing has its own, failure-counting limits: <see cref="AccountThrottle"/>.)
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddRtesApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>>((options, apiOptions) =>
        {
            var api = apiOptions.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ApiProblems.IsApiRequest(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = api.PermitLimit,
                        Window = api.Window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : api.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var window = api.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(http, ApiProblems.Create(http, StatusCodes.Status429TooManyRequests,
                    $"Limite de {api.PermitLimit} requêtes par période de {window} s atteinte : réessayez dans {seconds} s.",
                    $"Limit of {api.PermitLimit} requests per {window} s window reached: retry in {seconds} s."));
            };
        });
        return services;
    }

    /// <summary>After <c>UseAuthentication</c>: the principal is known when the limiter picks the partition.</summary>
    public static IApplicationBuilder UseRtesApiRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>The partition of a request: its personal token, else its account, else its client address.</summary>
    public static string Client(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (context.User.FindFirstValue(ApiAuthentication.TokenClaim) is { Length: > 0 } tokenId)
            {
                return "api-token:" + tokenId;
            }

            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
            {
                return "api-user:" + userId;
            }
        }

        return "api-ip:" + AccountThrottle.ClientAddress(context);
    }
}
