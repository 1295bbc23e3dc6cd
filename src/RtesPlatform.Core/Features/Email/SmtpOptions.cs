namespace RtesPlatform.Core.Features.Email;

/// <summary>Configuration section <c>Email:Smtp</c>; mail goes through SMTP when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS (or TLS) to the server; on by default.</summary>
    public bool EnableTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
