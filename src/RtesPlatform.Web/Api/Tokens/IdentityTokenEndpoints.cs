using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Web.Api.Officer;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// <c>POST /api/v1/auth/token</c> and <c>/auth/refresh</c>: ASP.NET Core Identity bearer tokens for
/// an account, under the same rules as the sign-in page (lockout, confirmed e-mail, second factor,
/// the same answer and cost for unknown accounts, the same failure limits: <see cref="AccountThrottle"/>).
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

    private static async Task<IResult> IssueAsync(
        HttpRequest request, SignInManager<RtesUser> signInManager, AccountThrottle throttle, PasswordCheck passwords)
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

        // The sign-in page's limits: failures per address and per email; right credentials do not count.
        var email = input.Email!.Trim();
        var attempt = throttle.Begin(request.HttpContext, email);
        if (attempt.Refused)
        {
            return TooManyAttempts(attempt);
        }

        // Unknown and locked accounts cost one password hash too, and get the same answer.
        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            passwords.VerifyDummy(input.Password!);
            return Unauthorized(ConnexionModel.InvalidCredentials);
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, input.Password!, lockoutOnFailure: true);
        if (result.IsNotAllowed)
        {
            // Refused before the password check (e-mail not confirmed): say so only to whoever knows
            // the password; a wrong one still counts towards lockout, as on the sign-in page.
            if (!await users.CheckPasswordAsync(user, input.Password!))
            {
                await users.AccessFailedAsync(user);
                return Unauthorized(ConnexionModel.InvalidCredentials);
            }

            attempt.Succeeded();
            return OfficerProblems.Status(StatusCodes.Status403Forbidden,
                "Votre adresse e-mail n’est pas encore confirmée : connectez-vous une fois sur le site pour recevoir le lien de confirmation.");
        }

        if (!result.Succeeded)
        {
            return Unauthorized(ConnexionModel.InvalidCredentials);
        }

        var secondFactor = await users.GetTwoFactorEnabledAsync(user);
        if (secondFactor && await CheckSecondFactorAsync(users, user, input, attempt) is { } refused)
        {
            return refused;
        }

        attempt.Succeeded();
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        if (secondFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor));
        }

        // The bearer token handler writes the AccessTokenResponse.
        return TypedResults.SignIn(principal, authenticationScheme: ApiAuthentication.IdentityBearerScheme);
    }

    /// <summary>Null when the second factor is right; otherwise the refusal (a wrong code counts towards lockout).</summary>
    private static async Task<IResult?> CheckSecondFactorAsync(UserManager<RtesUser> users, RtesUser user, TokenRequest input, AccountThrottle.Attempt attempt)
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
            // The password was right: asking for the code is not a failure.
            attempt.Succeeded();
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
        HttpRequest request, SignInManager<RtesUser> signInManager, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock,
        AccountThrottle throttle)
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

        var attempt = throttle.Begin(request.HttpContext, email: null);
        if (attempt.Refused)
        {
            return TooManyAttempts(attempt);
        }

        var ticket = bearerOptions.Get(ApiAuthentication.IdentityBearerScheme).RefreshTokenProtector.Unprotect(input.RefreshToken);
        // A password change, "sign out everywhere" or a lockout changes or blocks the account: no new token.
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signInManager.UserManager.IsLockedOutAsync(user))
        {
            return Unauthorized("Jeton de renouvellement invalide ou expiré : demandez un nouveau jeton (POST /api/v1/auth/token).");
        }

        attempt.Succeeded();
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        if (ticket.Principal.HasClaim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor))
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor));
        }

        return TypedResults.SignIn(principal, authenticationScheme: ApiAuthentication.IdentityBearerScheme);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooManyAttempts(AccountThrottle.Attempt attempt)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter!.Value.TotalSeconds));
        return OfficerProblems.Status(StatusCodes.Status429TooManyRequests,
            $"Trop d’essais erronés depuis cette adresse ou pour ce compte : réessayez dans {seconds} s.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string detail, bool twoFactorRequired = false) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status401Unauthorized,
            title: OfficerProblems.Title(StatusCodes.Status401Unauthorized),
            extensions: twoFactorRequired ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["twoFactorRequired"] = true } : null);
}
