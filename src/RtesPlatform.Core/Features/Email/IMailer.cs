namespace RtesPlatform.Core.Features.Email;

/// <summary>
/// Sends mail after the action that triggered it has been committed. Never throws for a delivery
/// failure: it retries, logs, and returns false, so the action is never undone by the mail.
/// </summary>
public interface IMailer
{
    Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
