using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>The accept link of an invitation mail, on the same public address as the account mails.</summary>
public static class InvitationLinks
{
    public const string Path = "/compte/invitation";

    public static string Absolute(EmailOptions options, string token) =>
        AccountLinks.Absolute(options, Path, new Dictionary<string, string?> { ["jeton"] = token });

    /// <summary>Checks the invited address; a French message next to the field when it is not one. Returns it trimmed.</summary>
    public static string? CheckEmail(ModelStateDictionary modelState, string key, string? email)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            modelState.AddModelError(key, "Saisissez l'adresse e-mail de la personne à inviter.");
            return null;
        }

        if (trimmed.Length > 256 || !new EmailAddressAttribute().IsValid(trimmed))
        {
            modelState.AddModelError(key, "Saisissez une adresse e-mail valide, par exemple prenom.nom@collectivite.fr.");
            return null;
        }

        return trimmed;
    }
}
