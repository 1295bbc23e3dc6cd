namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>A settable clock: the jobs take "now" from <see cref="TimeProvider"/>.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>8:00 in Paris on that day (the jobs' default firing time).</summary>
    public void SetParisMorning(DateOnly date) => _now = Core.ParisCalendar.StartOf(date).AddHours(8);
}
