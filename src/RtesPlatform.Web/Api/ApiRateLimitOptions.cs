using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Api;

/// <summary>
/// Rate limit of the API (<c>Api:RateLimit</c>): <see cref="PermitLimit"/> requests per
/// <see cref="Window"/> (fixed window) per client — the signed-in user, else the bearer token,
/// else the IP address.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
