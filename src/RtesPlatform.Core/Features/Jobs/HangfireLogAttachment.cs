using Microsoft.Extensions.Logging;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>Hangfire's messages go to this service provider's loggers while it lives (<see cref="HangfireLogBridge"/>).</summary>
internal sealed class HangfireLogAttachment(ILoggerFactory loggerFactory) : IDisposable
{
    private readonly IDisposable _attachment = HangfireLogBridge.Instance.Attach(loggerFactory);

    public void Dispose() => _attachment.Dispose();
}
