using System.Net;
using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Team;

/// <summary>What the team tests share: members signed in over HTTP, invitations sent from the team page.</summary>
internal static partial class TeamSite
{
    public const string Password = "Une phrase de passe pour l'équipe";

    public static async Task<(AccountClient Client, RtesUser User)> SignedInMemberAsync(AccountsFixture fixture, Tenant tenant, string role)
    {
        var email = AccountsFixture.UniqueEmail(role);
        var user = await fixture.CreateUserAsync(email, Password);
        await AddMemberAsync(fixture, tenant, user.Id, role);
        var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(email, Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, user);
    }

    public static Task AddMemberAsync(AccountsFixture fixture, Tenant tenant, Guid userId, string role) =>
        fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = userId, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

    /// <summary>Invites from the team page; returns the accept link's path and query, read from the mail.</summary>
    public static async Task<string> InviteAsync(AccountsFixture fixture, AccountClient admin, Tenant tenant, string email, string role)
    {
        using var response = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.Role"] = role }, "form.team-invite");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return LinkIn(fixture.MailsTo(email).ShouldHaveSingleItem());
    }

    public static string LinkIn(string mail)
    {
        var match = InvitationLink().Match(mail);
        match.Success.ShouldBeTrue(mail);
        return new Uri(match.Value).PathAndQuery;
    }

    public static Task<string?> MembershipRoleAsync(AccountsFixture fixture, Tenant tenant, string email) =>
        fixture.Database.QueryAsAdminAsync<string?>(
            "SELECT m.role FROM tenant_memberships m JOIN asp_net_users u ON u.id = m.user_id WHERE m.tenant_id = @tenant AND u.email = @email",
            ("tenant", tenant.Id), ("email", email));

    public static Task<long> AuditCountAsync(AccountsFixture fixture, Tenant tenant, string action) =>
        fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM audit_events WHERE tenant_id = @tenant AND action = @action", ("tenant", tenant.Id), ("action", action));

    [GeneratedRegex(@"https?://\S+/compte/invitation\?jeton=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
