namespace RtesPlatform.Core.Features.Email;

/// <summary>One delivery attempt (SMTP, or a file in the pickup directory); throws on failure.</summary>
public interface IMailTransport
{
    Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
