using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>Mail failures are retried, then logged without the body, and never thrown at the caller.</summary>
public sealed class ReliableMailerTests
{
    private static readonly OutgoingMail Mail = new("agent@test.example", "Sujet", "Lien secret : https://x/?code=SECRET", "password-reset", Guid.NewGuid());

    [Fact]
    public async Task Send_TransportFailsTwice_SucceedsOnTheThirdAttempt()
    {
        var transport = new FlakyTransport(failures: 2);
        var logger = new ListLogger();

        var sent = await Mailer(transport, logger).SendAsync(Mail, CancellationToken.None);

        sent.ShouldBeTrue();
        transport.Attempts.ShouldBe(3);
        logger.Entries.Count(e => e.Level == LogLevel.Warning).ShouldBe(2);
    }

    [Fact]
    public async Task Send_TransportAlwaysFails_ReturnsFalseAndLogsTheUserNotTheBody()
    {
        var transport = new FlakyTransport(failures: int.MaxValue);
        var logger = new ListLogger();

        var sent = await Mailer(transport, logger).SendAsync(Mail, CancellationToken.None);

        sent.ShouldBeFalse();
        transport.Attempts.ShouldBe(3);
        var error = logger.Entries.Single(e => e.Level == LogLevel.Error);
        error.Message.ShouldContain(Mail.UserId.ToString()!);
        error.Message.ShouldContain("password-reset");
        logger.Entries.ShouldAllBe(e => !e.Message.Contains("SECRET") && !e.Message.Contains("agent@test.example"));
    }

    [Fact]
    public async Task PickupDirectory_WritesAReadableUtf8EmlFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rtes-mail-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var transport = new PickupDirectoryMailTransport(Options.Create(new EmailOptions { PickupDirectory = directory }), TimeProvider.System);

            await transport.DeliverAsync(Mail with { Subject = "Réinitialisation" }, CancellationToken.None);

            var text = await File.ReadAllTextAsync(Directory.GetFiles(directory, "*.eml").ShouldHaveSingleItem());
            text.ShouldContain("To: <agent@test.example>");
            text.ShouldContain("Subject: =?utf-8?B?");
            text.ShouldContain("Content-Type: text/plain; charset=utf-8");
            text.ShouldEndWith("https://x/?code=SECRET\r\n");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ReliableMailer Mailer(IMailTransport transport, ListLogger logger) =>
        new(transport, Options.Create(new EmailOptions { RetryDelay = TimeSpan.FromMilliseconds(1) }), logger);

    private sealed class FlakyTransport(int failures) : IMailTransport
    {
        public int Attempts { get; private set; }

        public Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
            ++Attempts <= failures ? throw new IOException("SMTP server unreachable") : Task.CompletedTask;
    }

    private sealed class ListLogger : ILogger<ReliableMailer>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
