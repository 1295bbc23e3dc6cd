using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Core.Features.Email;

/// <summary>
/// Tries the transport a few times with a growing delay; a message that still fails is logged
/// (kind, user id and error, never the body or the address) and reported as not sent.
/// </summary>
public sealed class ReliableMailer(IMailTransport transport, IOptions<EmailOptions> options, ILogger<ReliableMailer> logger)
    : IMailer
{
    public async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var attempts = options.Value.Attempts;
        var delay = options.Value.RetryDelay;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                await transport.DeliverAsync(mail, cancellationToken);
                logger.LogInformation("Sent {MailKind} mail to user {UserId}", mail.Kind, mail.UserId);
                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (attempt == attempts)
                {
                    logger.LogError(exception, "Could not send {MailKind} mail to user {UserId} after {Attempts} attempts",
                        mail.Kind, mail.UserId, attempts);
                    return false;
                }

                logger.LogWarning(exception, "Attempt {Attempt} to send {MailKind} mail to user {UserId} failed; retrying in {Delay}",
                    attempt, mail.Kind, mail.UserId, delay);
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }

        return false;
    }
}
