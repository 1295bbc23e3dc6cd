using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>
/// Adds a collectivity in two steps: find its official record (by name, SIREN or INSEE code),
/// then confirm. The reference data fills the identity; then the console offers to invite the
/// first admin.
/// </summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class NouvelleCollectiviteModel(ReferenceLookup lookup, TenantProvisioning provisioning) : PageModel
{
    /// <summary>What was typed in the search box: a name, a SIREN or an INSEE code.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public ReferenceLookupResult? Result { get; private set; }

    public sealed class Form
    {
        [Required(ErrorMessage = "Choisissez d'abord la collectivité à ajouter.")]
        [StringLength(40, ErrorMessage = "L'identifiant est trop long.")]
        public string? Identifier { get; set; }

        // A string, so that "abc" gets the French message below rather than model binding's English one.
        [RegularExpression("^(199[0-9]|20[0-9]{2}|2100)$", ErrorMessage = "L'année d'adhésion doit être une année entre 1990 et 2100, par exemple 2016.")]
        [Display(Name = "Année d'adhésion au RTES")]
        public string? MembershipYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "?q=" (searched for nothing) says what to type; the page opened without a search does not.
        if (Query is not null || Request.Query.ContainsKey("q"))
        {
            Result = await lookup.FindAsync(Query, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Query ??= Input.Identifier;
        if (Input.Identifier is { Length: > 0 and <= 40 } identifier && await lookup.FindCodeAsync(identifier, cancellationToken) is { } match)
        {
            Result = ReferenceLookupResult.Found(match);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        int? year = int.TryParse(Input.MembershipYear, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        var result = await provisioning.CreateAsync(Input.Identifier!, year, slug: null, cancellationToken);
        if (result.Error is { } error)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Form.Identifier)}", error);
            return Page();
        }

        var tenant = result.Tenant!;
        if (!result.WasCreated)
        {
            TempData["Message"] = $"{tenant.Name} est déjà membre du réseau.";
            return Redirect("/reseau");
        }

        var population = tenant.Population is { } p ? $" (population officielle {FrenchFormat.Number(p)} en {tenant.PopulationVintage})" : "";
        TempData["Message"] = $"{tenant.Name} a été ajoutée{population}. Sa fiche publique indique « Fiche en cours de rédaction » jusqu'à sa première publication. Invitez maintenant son premier administrateur.";
        return Redirect($"/reseau/collectivites/{tenant.Slug}/inviter");
    }
}
