using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.ApiTokens;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Personal API tokens of the tenant: list, create (the secret is shown once, never stored),
/// revoke after confirmation. Tenant admins only; each token acts as the admin who created it.
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class JetonsModel(ApiTokens tokens, TimeProvider clock) : EspacePageModel
{
    /// <summary>The longest a token may be valid when an expiry is chosen.</summary>
    public const int MaxLifetimeDays = 730;

    public IReadOnlyList<ApiTokenListItem> Tokens { get; private set; } = [];

    [BindProperty]
    public ApiTokenInput Input { get; set; } = new();

    /// <summary>The token to revoke (<c>?revoquer={id}</c>), shown with a confirmation form.</summary>
    [FromQuery(Name = "revoquer")]
    public Guid? ToRevokeId { get; set; }

    public ApiTokenListItem? ToRevoke { get; private set; }

    /// <summary>The token just created, with its secret: in this response only.</summary>
    public (ApiToken Token, string Secret)? Created { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public DateOnly Today => ParisCalendar.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(cancellationToken);
        if (ToRevokeId is { } id)
        {
            ToRevoke = Tokens.FirstOrDefault(t => t.Token.Id == id && t.Token.RevokedAt is null);
            if (ToRevoke is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Indiquez un nom pour reconnaître ce jeton, par exemple « Synchronisation SIG ».");
        }
        else if (name.Length > ApiTokens.NameMaxLength)
        {
            ModelState.AddModelError("Input.Name", $"Le nom ne doit pas dépasser {ApiTokens.NameMaxLength} caractères (actuellement {name.Length}).");
        }

        var expiresAt = ReadExpiry();
        if (!ModelState.IsValid || !Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            Tokens = await tokens.ListAsync(cancellationToken);
            return Page();
        }

        Created = await tokens.CreateAsync(name!, expiresAt, userId, CurrentUser, cancellationToken);
        Input = new ApiTokenInput();
        Tokens = await tokens.ListAsync(cancellationToken);
        // The secret is in this page only: no cache may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return Forbid();
        }

        Message = await tokens.RevokeAsync(id, userId, CurrentUser, cancellationToken)
            ? "Le jeton a été révoqué : les programmes qui l’utilisent n’ont plus accès à l’espace."
            : "Ce jeton était déjà révoqué.";
        return RedirectToPage(new { slug = Slug });
    }

    public string State(ApiToken token) => token.StateAt(clock.GetUtcNow()) switch
    {
        ApiTokenState.Revoked => "Révoqué",
        ApiTokenState.Expired => "Expiré",
        _ => "Actif",
    };

    /// <summary>The last day a token is valid (it expires at the start of the next day, Paris time).</summary>
    public static string LastDay(DateTimeOffset expiresAt) =>
        FrenchFormat.Date(ParisCalendar.DateOf(expiresAt.AddTicks(-1)));

    public static string When(DateTimeOffset instant) =>
        FrenchFormat.DateTime(instant);

    private DateTimeOffset? ReadExpiry()
    {
        var text = Input.ExpiresOn?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && !DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            ModelState.AddModelError("Input.ExpiresOn", "Saisissez une date au format jj/mm/aaaa, par exemple 31/12/2027.");
            return null;
        }

        if (day < Today || day > Today.AddDays(MaxLifetimeDays))
        {
            ModelState.AddModelError("Input.ExpiresOn",
                $"Choisissez une date entre aujourd’hui et le {FrenchFormat.Date(Today.AddDays(MaxLifetimeDays))}, ou laissez le champ vide.");
            return null;
        }

        return ParisCalendar.StartOf(day.AddDays(1));
    }
}
