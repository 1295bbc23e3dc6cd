using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.DataProtection;
using RtesPlatform.Web.Api;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Accounts (ASP.NET Core Identity), the session cookie and its server-side sessions
/// (<see cref="DatabaseTicketStore"/>), authorization policies, email and rate limits.
/// </summary>
public static class AccountsSetup
{
    public const string SignInPath = "/compte/connexion";

    public static WebApplicationBuilder AddRtesAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AccountMails>();
        services.AddScoped<RtesPlatform.Core.Features.Team.TeamMails>();
        services.AddTransient<AccountSeeder>();

        services.AddIdentity<RtesUser, IdentityRole<Guid>>(options =>
            {
                // Length and a list of common passwords, not composition rules (ANSSI, NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<RtesDbContext>()
            .AddDefaultTokenProviders()
            // Single-use authenticator codes, wherever Identity checks one (page, API, set-up).
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<RtesClaimsPrincipalFactory>();

        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>(
            (options, accounts) => options.ValidationInterval = accounts.Value.SecurityStampValidationInterval);

        // One key ring for every instance, in PostgreSQL: a cookie issued by one instance is
        // accepted by the others (docs/architecture.md, "Several instances").
        services.AddDataProtection().SetApplicationName("rtes-platform");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>(
            (options, dataSource) => options.XmlRepository = new DataProtectionKeyRepository(dataSource));

        // Secure cookies always, except on plain HTTP in development and in tests.
        var securePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            // "__Host-": the browser only accepts it when Secure, for this host and path "/" (no
            // Domain): a sibling subdomain cannot plant or read it. So the prefix goes with the
            // Always policy; on plain HTTP (development, browser tests) a Secure-less "__Host-"
            // cookie would be dropped and nobody could sign in.
            options.Cookie.Name = securePolicy == CookieSecurePolicy.Always ? "__Host-rtes-session" : "rtes-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = SignInPath;
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/erreur/403";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.ConfigureExternalCookie(options =>
        {
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.HttpOnly = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.HttpOnly = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.NetworkAdmin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(NetworkRoles.NetworkAdmin)
                .AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.TenantEditor, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(TenantMemberRequirement.Editor))
            .AddPolicy(Policies.TenantAdmin, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(TenantMemberRequirement.Admin));
        services.AddScoped<IAuthorizationHandler, TenantMemberHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RtesAuthorizationResultHandler>();

        services.AddSingleton<AccountThrottle>();
        services.AddScoped<PasswordCheck>();
        services.AddRtesApiRateLimiting();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        return builder;
    }

    /// <summary>After routing and tenant resolution: authentication, the API's rate limit (by principal), the current user, authorization.</summary>
    public static WebApplication UseRtesAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRtesApiRateLimiting();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
