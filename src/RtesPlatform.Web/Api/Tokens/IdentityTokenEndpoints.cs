using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Web.Api.Officer;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// <c>POST /api/v1/auth/token</c> and <c>/auth/refresh</c>: ASP.NET Core Identity bearer tokens for
/// an account, under the same rules as the sign-in page (lockout, confirmed e-mail, second factor).
/// Only these two of Identity's API endpoints exist: no registration, no account management.
/// </summary>
public static class IdentityTokenEndpoints
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public const string TwoFactorRequired =
        "Ce compte utilise la double authentification : ajoutez le code de votre application (twoFactorCode) ou un code de récupération (twoFactorRecoveryCode).";

    public const string InvalidTwoFactorCode = "Code de double authentification incorrect.";

    public static RouteGroupBuilder MapIdentityTokens(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").AllowAnonymous().WithTags("Authentification");
        auth.MapPost("/token", IssueAsync)
            .WithName("CreateAccessToken")
            .WithSummary("Obtenir un jeton d’accès (adresse e-mail, mot de passe et, le cas échéant, code de double authentification)")
            .WithDescription("Corps (application/json) : {\"email\": \"…\", \"password\": \"…\", \"twoFactorCode\": \"123456\"} ou twoFactorRecoveryCode. Réponse : accessToken, refreshToken, expiresIn.")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapPost("/refresh", RefreshAsync)
            .WithName("RefreshAccessToken")
            .WithSummary("Renouveler un jeton d’accès avec son jeton de renouvellement")
            .WithDescription("Corps (application/json) : {\"refreshToken\": \"…\"}.")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, SignInManager<RtesUser> signInManager)
    {
        var (input, problem) = await JsonBody.ReadAsync<TokenRequest>(request, _json);
        if (input is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            errors["email"] = ["Saisissez votre adresse e-mail."];
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors["password"] = ["Saisissez votre mot de passe."];
        }

        if (errors.Count > 0)
        {
            return OfficerProblems.Validation(errors);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is null)
        {
            return Unauthorized(ConnexionModel.InvalidCredentials);
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, input.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Unauthorized(ConnexionModel.LockedOut);
        }

        if (result.IsNotAllowed)
        {
            // Refused before the password check (e-mail not confirmed): say so only to whoever knows
            // the password; a wrong one still counts towards lockout, as on the sign-in page.
            if (!await users.CheckPasswordAsync(user, input.Password!))
            {
                await users.AccessFailedAsync(user);
                return Unauthorized(ConnexionModel.InvalidCredentials);
            }

            return OfficerProblems.Status(StatusCodes.Status403Forbidden,
                "Votre adresse e-mail n’est pas encore confirmée : connectez-vous une fois sur le site pour recevoir le lien de confirmation.");
        }

        if (!result.Succeeded)
        {
            return Unauthorized(ConnexionModel.InvalidCredentials);
        }

        var secondFactor = await users.GetTwoFactorEnabledAsync(user);
        if (secondFactor && await CheckSecondFactorAsync(users, user, input) is { } refused)
        {
            return refused;
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        if (secondFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor));
        }

        // The bearer token handler writes the AccessTokenResponse.
        return TypedResults.SignIn(principal, authenticationScheme: ApiAuthentication.IdentityBearerScheme);
    }

    /// <summary>Null when the second factor is right; otherwise the refusal (a wrong code counts towards lockout).</summary>
    private static async Task<IResult?> CheckSecondFactorAsync(UserManager<RtesUser> users, RtesUser user, TokenRequest input)
    {
        var code = input.TwoFactorCode?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var recovery = input.TwoFactorRecoveryCode?.Replace(" ", "", StringComparison.Ordinal);
        bool valid;
        if (!string.IsNullOrEmpty(code))
        {
            valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        }
        else if (!string.IsNullOrEmpty(recovery))
        {
            valid = (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded;
        }
        else
        {
            return Unauthorized(TwoFactorRequired, twoFactorRequired: true);
        }

        if (!valid)
        {
            await users.AccessFailedAsync(user);
            return Unauthorized(await users.IsLockedOutAsync(user) ? ConnexionModel.LockedOut : InvalidTwoFactorCode, twoFactorRequired: true);
        }

        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    private static async Task<IResult> RefreshAsync(
        HttpRequest request, SignInManager<RtesUser> signInManager, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
    {
        var (input, problem) = await JsonBody.ReadAsync<RefreshRequest>(request, _json);
        if (input is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(input.RefreshToken))
        {
            return OfficerProblems.Validation("refreshToken", "Indiquez le jeton de renouvellement (refreshToken) reçu avec le jeton d’accès.");
        }

        var ticket = bearerOptions.Get(ApiAuthentication.IdentityBearerScheme).RefreshTokenProtector.Unprotect(input.RefreshToken);
        // A password change, "sign out everywhere" or a lockout changes or blocks the account: no new token.
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signInManager.UserManager.IsLockedOutAsync(user))
        {
            return Unauthorized("Jeton de renouvellement invalide ou expiré : demandez un nouveau jeton (POST /api/v1/auth/token).");
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        if (ticket.Principal.HasClaim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor))
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor));
        }

        return TypedResults.SignIn(principal, authenticationScheme: ApiAuthentication.IdentityBearerScheme);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string detail, bool twoFactorRequired = false) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status401Unauthorized,
            title: OfficerProblems.Title(StatusCodes.Status401Unauthorized),
            extensions: twoFactorRequired ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["twoFactorRequired"] = true } : null);
}
