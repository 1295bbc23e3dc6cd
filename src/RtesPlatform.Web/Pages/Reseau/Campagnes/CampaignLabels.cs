using System.Globalization;
using RtesPlatform.Core.Features.Campaigns;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>French wording of the campaign pages.</summary>
public static class CampaignLabels
{
    private static readonly CultureInfo _french = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => FrenchFormat.Date(date);

    public static string Reminder(CampaignReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var kind = ReminderKinds.French(reminder.Kind);
        return reminder.Status switch
        {
            ReminderStatuses.Sent => $"{kind} : envoyé ({FrenchFormat.Plural(reminder.Recipients.Length, "destinataire", "destinataires")})",
            ReminderStatuses.NoRecipient => $"{kind} : aucun destinataire",
            ReminderStatuses.Failed => $"{kind} : échec, nouvel essai prévu",
            _ => $"{kind} : en cours d’envoi",
        };
    }
}
