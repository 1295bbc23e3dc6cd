using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>The account mails (French, plain text). The caller builds the absolute link.</summary>
public sealed class AccountMails(IMailer mailer)
{
    public Task<bool> SendConfirmationAsync(RtesUser user, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mailer.SendAsync(new OutgoingMail(
            user.Email!,
            "Confirmez votre adresse e-mail — Réseau RTES",
            $"""
            Bonjour,

            Pour activer votre compte sur la plateforme du Réseau RTES, confirmez votre adresse e-mail en ouvrant ce lien :

            {link}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.

            Réseau RTES
            """,
            "confirmation",
            user.Id), cancellationToken);
    }

    public Task<bool> SendPasswordResetAsync(RtesUser user, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mailer.SendAsync(new OutgoingMail(
            user.Email!,
            "Réinitialisation de votre mot de passe — Réseau RTES",
            $"""
            Bonjour,

            Une réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien :

            {link}

            Ce lien ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.

            Réseau RTES
            """,
            "password-reset",
            user.Id), cancellationToken);
    }
}
