using System.Globalization;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>The campaign reminders (French, plain text; the message is sent as its author wrote it).</summary>
public sealed class CampaignMails(IMailer mailer, IOptions<EmailOptions> options)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task<bool> SendReminderAsync(Campaign campaign, string kind, TenantInfo tenant, string to, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(tenant);
        var deadline = FrenchFormat.Date(campaign.Deadline);
        var (subject, opening) = kind switch
        {
            ReminderKinds.TwoWeeks => ($"Rappel : plus que deux semaines pour mettre à jour la fiche de {tenant.Name}",
                $"Il reste deux semaines, jusqu'au {deadline}, pour mettre à jour la fiche de {tenant.Name} ou ses chiffres."),
            ReminderKinds.Deadline => ($"Dernier jour pour mettre à jour la fiche de {tenant.Name}",
                $"C'est aujourd'hui, {deadline}, la date limite pour mettre à jour la fiche de {tenant.Name} ou ses chiffres."),
            _ => ($"{campaign.Title} : mise à jour de la fiche de {tenant.Name}",
                $"Le Réseau RTES ouvre sa campagne de mise à jour « {campaign.Title} ». La fiche de {tenant.Name} ou ses chiffres datent d'avant le {FrenchFormat.Date(campaign.StaleBefore)} : merci de les mettre à jour avant le {deadline}."),
        };
        var link = $"{options.Value.PublicBaseUrl?.ToString().TrimEnd('/')}/espace/{tenant.Slug}";
        var body = $"""
            Bonjour,

            {opening}

            Message du réseau :

            {campaign.Message}

            Votre espace : {link}

            Vous recevez ce message parce que vous faites partie de l'équipe de {tenant.Name} sur la plateforme du RTES. Les rappels s'arrêtent dès que la fiche est publiée ou que les chiffres sont mis à jour.

            Réseau RTES
            """;
        return mailer.SendAsync(new OutgoingMail(to, subject, body, $"campaign-{kind}", userId), cancellationToken);
    }
}
