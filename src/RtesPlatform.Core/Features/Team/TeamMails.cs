using System.Globalization;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Core.Features.Team;

/// <summary>The invitation mail (French, plain text). The caller builds the absolute link.</summary>
public sealed class TeamMails(IMailer mailer)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task<bool> SendInvitationAsync(Invitation invitation, string tenantName, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var role = invitation.Role == TenantRole.Admin ? "administrateur ou administratrice" : "rédacteur ou rédactrice";
        var until = FrenchFormat.DateTime(invitation.ExpiresAt);
        return mailer.SendAsync(new OutgoingMail(
            invitation.Email,
            $"Invitation à rejoindre l'équipe de {tenantName} — Réseau RTES",
            $"""
            Bonjour,

            Vous êtes invité à rejoindre l'équipe de {tenantName} sur la plateforme du Réseau RTES, en tant que {role} de sa fiche.

            Pour accepter, ouvrez ce lien :

            {link}

            Ce lien ne sert qu'une fois et expire le {until}. Si vous n'attendiez pas cette invitation, ignorez ce message.

            Réseau RTES
            """,
            "invitation"), cancellationToken);
    }
}
