using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>Creates a tenant from its official identifier: the reference data fills the identity.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class NouvelleCollectiviteModel(TenantProvisioning provisioning) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        [Required(ErrorMessage = "Indiquez le SIREN, ou le code INSEE précédé du type.")]
        [StringLength(40, ErrorMessage = "L'identifiant est trop long.")]
        [Display(Name = "SIREN ou code officiel")]
        public string? Identifier { get; set; }

        // A string, so that "abc" gets the French message below rather than model binding's English one.
        [RegularExpression("^(199[0-9]|20[0-9]{2}|2100)$", ErrorMessage = "L'année d'adhésion doit être une année entre 1990 et 2100, par exemple 2016.")]
        [Display(Name = "Année d'adhésion au RTES")]
        public string? MembershipYear { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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

        TempData["Message"] = result.WasCreated
            ? $"{result.Tenant!.Name} a été ajoutée (population officielle {result.Tenant.Population} en {result.Tenant.PopulationVintage})."
            : $"{result.Tenant!.Name} existe déjà.";
        return Redirect("/reseau");
    }
}
