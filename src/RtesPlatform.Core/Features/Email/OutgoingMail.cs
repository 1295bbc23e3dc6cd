namespace RtesPlatform.Core.Features.Email;

/// <summary>
/// One plain-text message to one recipient. <see cref="UserId"/> and <see cref="Kind"/> are what the
/// logs say about it (never the body, which may hold a sign-in link).
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string Kind, Guid? UserId = null);
