using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Core.Features.Email;

/// <summary>
/// Development default: writes each message as an .eml file (UTF-8, 8bit, readable as is and
/// openable in a mail client) under <c>Email:PickupDirectory</c>, so no mail server is needed.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<EmailOptions> options, TimeProvider clock) : IMailTransport
{
    public async Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var email = options.Value;
        var directory = Path.GetFullPath(email.PickupDirectory);
        Directory.CreateDirectory(directory);
        var now = clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss-fff}-{mail.Kind}-{Guid.NewGuid():N}.eml");

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {EncodeHeader(email.FromName)} <{email.From}>\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <{mail.To}>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {EncodeHeader(mail.Subject)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now.ToString("r", CultureInfo.InvariantCulture)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{Guid.NewGuid():N}@rtes.localhost>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n")
            .Append(mail.TextBody.ReplaceLineEndings("\r\n"))
            .Append("\r\n")
            .ToString();

        // Written under a temporary name then moved, so a reader never sees half a message.
        var path = Path.Combine(directory, name);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, path);
    }

    private static string EncodeHeader(string value) =>
        value.All(char.IsAscii) ? value : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
}
