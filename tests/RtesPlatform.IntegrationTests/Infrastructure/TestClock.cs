namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>The system's time, until a test sets it (then frozen there until reset).</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now ?? System.GetUtcNow();

    public void Set(DateTimeOffset now) => _now = now.ToUniversalTime();

    public void Reset() => _now = null;
}
