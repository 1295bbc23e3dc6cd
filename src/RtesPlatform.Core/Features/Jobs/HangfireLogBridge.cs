using System.Collections.Concurrent;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide; this one writes to the logger factory of the newest
/// host still running in the process (one in production; several, coming and going, in tests),
/// and drops messages when none is.
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    public static HangfireLogBridge Instance { get; } = new();

    private readonly List<ILoggerFactory> _factories = [];
    private readonly ConcurrentDictionary<(ILoggerFactory, string), ILog> _logs = new();

    private HangfireLogBridge()
    {
    }

    /// <summary>Sends Hangfire's messages to <paramref name="factory"/> until the returned handle is disposed.</summary>
    public IDisposable Attach(ILoggerFactory factory)
    {
        lock (_factories)
        {
            _factories.Add(factory);
        }

        return new Detach(this, factory);
    }

    public ILog GetLogger(string name) => new BridgeLog(this, name);

    private ILog? Current(string name)
    {
        ILoggerFactory? factory;
        lock (_factories)
        {
            factory = _factories.Count == 0 ? null : _factories[^1];
        }

        return factory is null ? null : _logs.GetOrAdd((factory, name), static key => new AspNetCoreLogProvider(key.Item1).GetLogger(key.Item2));
    }

    private sealed class BridgeLog(HangfireLogBridge bridge, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return bridge.Current(name)?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Detach(HangfireLogBridge bridge, ILoggerFactory factory) : IDisposable
    {
        public void Dispose()
        {
            lock (bridge._factories)
            {
                bridge._factories.Remove(factory);
            }

            foreach (var key in bridge._logs.Keys.Where(k => k.Item1 == factory))
            {
                bridge._logs.TryRemove(key, out _);
            }
        }
    }
}
