using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Limits the guessing of credentials, wherever they are submitted (sign-in page, two-factor
/// verification, password reset, invitations, <c>POST /api/v1/auth/token</c> and <c>/auth/refresh</c>):
/// per client address (<see cref="AccountOptions.RateLimitPerAddress"/>, high: a town hall shares
/// one address) and per account email (<see cref="AccountOptions.RateLimitPerEmail"/>), in fixed
/// windows. An attempt is counted when it starts — so parallel guesses cannot slip past — and given
/// back when it succeeds (<see cref="Attempt.Succeeded"/>): only failures use the budget. Identity's
/// lockout (5 wrong passwords: 15 minutes) still stops the guessing of one account's password.
/// Counters are per instance, in memory. The client address is the one the forwarded headers
/// (<see cref="Security.ForwardedHeadersSetup"/>) established.
/// </summary>
public sealed class AccountThrottle(IOptions<AccountOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Starts an attempt for the request's client and, when known, the submitted email.</summary>
    public Attempt Begin(HttpContext context, string? email)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        var now = clock.GetUtcNow();
        Purge(now);
        var keys = new List<(string Key, int Limit)> { ("ip:" + ClientAddress(context), limits.RateLimitPerAddress) };
        if (!string.IsNullOrWhiteSpace(email))
        {
            keys.Add(("email:" + email.Trim().ToUpperInvariant(), limits.RateLimitPerEmail));
        }

        var counted = new List<Window>(keys.Count);
        foreach (var (key, limit) in keys)
        {
            var window = _windows.AddOrUpdate(key, _ => new Window(now + limits.RateLimitWindow),
                (_, existing) => existing.EndsAt <= now ? new Window(now + limits.RateLimitWindow) : existing);
            if (!window.TryTake(limit))
            {
                foreach (var taken in counted)
                {
                    taken.GiveBack();
                }

                var retryAfter = window.EndsAt - now;
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new Attempt([], retryAfter);
            }

            counted.Add(window);
        }

        return new Attempt(counted, null);
    }

    /// <summary>The request's client address (after the trusted proxies' forwarded headers).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private void Purge(DateTimeOffset now)
    {
        if (_windows.Count < 10_000)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    /// <summary>One attempt: refused (with the wait) or counted until it succeeds.</summary>
    public sealed class Attempt
    {
        private readonly IReadOnlyList<Window> _windows;
        private int _settled;

        internal Attempt(IReadOnlyList<Window> windows, TimeSpan? retryAfter)
        {
            _windows = windows;
            RetryAfter = retryAfter;
        }

        /// <summary>Too many failures already: answer 429 (the <c>Retry-After</c> header is set).</summary>
        public bool Refused => RetryAfter is not null;

        public TimeSpan? RetryAfter { get; }

        /// <summary>The credentials were right: this attempt does not count.</summary>
        public void Succeeded()
        {
            if (Interlocked.Exchange(ref _settled, 1) == 0)
            {
                foreach (var window in _windows)
                {
                    window.GiveBack();
                }
            }
        }
    }

    internal sealed class Window(DateTimeOffset endsAt)
    {
        private int _count;

        public DateTimeOffset EndsAt { get; } = endsAt;

        public bool TryTake(int limit)
        {
            while (true)
            {
                var count = Volatile.Read(ref _count);
                if (count >= limit)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _count, count + 1, count) == count)
                {
                    return true;
                }
            }
        }

        public void GiveBack() => Interlocked.Decrement(ref _count);
    }
}
