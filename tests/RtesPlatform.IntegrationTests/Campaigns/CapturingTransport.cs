using System.Collections.Concurrent;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>Keeps every delivered mail; the addresses in <see cref="Failing"/> throw, like a refusing SMTP server.</summary>
public sealed class CapturingTransport : IMailTransport
{
    public ConcurrentQueue<OutgoingMail> Delivered { get; } = new();

    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (Failing.ContainsKey(mail.To))
        {
            throw new InvalidOperationException("550 mailbox unavailable (test)");
        }

        Delivered.Enqueue(mail);
        return Task.CompletedTask;
    }

    /// <summary>The mails delivered to these addresses, as "address kind", drained.</summary>
    public List<string> Take(IEnumerable<string> addresses)
    {
        var wanted = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = new List<OutgoingMail>();
        while (Delivered.TryDequeue(out var mail))
        {
            all.Add(mail);
        }

        return [.. all.Where(m => wanted.Contains(m.To)).Select(m => $"{m.To} {m.Kind}").Order(StringComparer.Ordinal)];
    }
}
