using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Team;

/// <summary>Invitations from the team page, accepted (or refused) from the link of their mail.</summary>
public sealed class InvitationTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task Invite_AcceptWithNewAccount_CreatesTheMembershipWithTheRole_AndOpensTheBackOffice()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("nouvelle");

        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        var (_, team) = await admin.GetAsync($"/espace/{tenant.Slug}/equipe");
        team.QuerySelector("table.team-invitations tbody th")!.Text().ShouldBe(email);
        // Only the token's SHA-256 is stored.
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM invitations WHERE email = @email AND token_hash = sha256(decode(translate(@token, '-_', '+/') || '=', 'base64'))",
            ("email", email), ("token", link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..]))).ShouldBe(1);

        using var invitee = fixture.CreateClient();
        var (status, page) = await invitee.GetAsync(link);
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().ShouldBe($"Rejoindre l’équipe de {tenant.Name}");
        using var created = await invitee.SubmitAsync(link, page, new Dictionary<string, string>
        {
            ["Input.Name"] = "Camille Martin",
            ["Input.Password"] = TeamSite.Password,
            ["Input.ConfirmPassword"] = TeamSite.Password,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.ShouldBe($"/espace/{tenant.Slug}");
        using var backOffice = await invitee.Http.GetAsync(new Uri($"/espace/{tenant.Slug}", UriKind.Relative));
        backOffice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, email)).ShouldBe(TenantRole.Editor);
        (await fixture.Database.QueryAsAdminAsync<bool>("SELECT email_confirmed FROM asp_net_users WHERE email = @email", ("email", email))).ShouldBeTrue();
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.MemberInvited)).ShouldBe(1);
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.InvitationAccepted)).ShouldBe(1);
    }

    [Fact]
    public async Task AcceptWithNewAccount_CommonPassword_IsRefusedNextToTheField_KeepingTheName()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("faible");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        using var invitee = fixture.CreateClient();

        using var refused = await invitee.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Name"] = "Camille Martin",
            ["Input.Password"] = "motdepasse",
            ["Input.ConfirmPassword"] = "motdepasse",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(refused);
        page.QuerySelector("#Input_Password-erreur")!.Text().ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("#Input_Password")!.GetAttribute("aria-describedby")!.ShouldContain("Input_Password-erreur");
        page.QuerySelector("#Input_Name")!.GetAttribute("value").ShouldBe("Camille Martin");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM asp_net_users WHERE email = @email", ("email", email))).ShouldBe(0);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, email)).ShouldBeNull();
    }

    [Fact]
    public async Task Accept_WithExistingAccount_SignsInThenJoins()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("existante");
        await fixture.CreateUserAsync(email, TeamSite.Password);
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Admin);
        using var invitee = fixture.CreateClient();

        var (_, anonymous) = await invitee.GetAsync(link);
        var signInLink = anonymous.QuerySelector("a.button")!.GetAttribute("href")!;
        signInLink.ShouldStartWith("/compte/connexion?ReturnUrl=");
        using var signedIn = await invitee.SignInAsync(email, TeamSite.Password, signInLink);
        signedIn.Headers.Location!.OriginalString.ShouldBe(link);
        using var joined = await invitee.SubmitAsync(link, new Dictionary<string, string>());

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.Headers.Location!.OriginalString.ShouldBe($"/espace/{tenant.Slug}");
        (await TeamSite.MembershipRoleAsync(fixture, tenant, email)).ShouldBe(TenantRole.Admin);
        using var team = await invitee.Http.GetAsync(new Uri($"/espace/{tenant.Slug}/equipe", UriKind.Relative));
        team.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accept_SignedInWithAnotherAccount_IsNotPossible()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("autre");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);

        var (status, page) = await admin.GetAsync(link);

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("Vous êtes connecté avec le compte");
        page.QuerySelector("form.account-form").ShouldBeNull();
    }

    [Fact]
    public async Task Expired_IsRefused_AndCreatesNothing()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("expiree");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        using var invitee = fixture.CreateClient();
        var (_, form) = await invitee.GetAsync(link);
        await fixture.Database.ExecuteAsAdminAsync(
            "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = @email", ("email", email));

        var (status, page) = await invitee.GetAsync(link);
        using var posted = await invitee.SubmitAsync(link, form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Trop tard",
            ["Input.Password"] = TeamSite.Password,
            ["Input.ConfirmPassword"] = TeamSite.Password,
        });

        status.ShouldBe(HttpStatusCode.Gone);
        page.QuerySelector("#invitation-refusee")!.Text().ShouldContain("Cette invitation a expiré.");
        posted.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM asp_net_users WHERE email = @email", ("email", email))).ShouldBe(0);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, email)).ShouldBeNull();
    }

    [Fact]
    public async Task Reused_IsRefused()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("deux-fois");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        using var first = fixture.CreateClient();
        using var accepted = await first.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Name"] = "Première fois",
            ["Input.Password"] = TeamSite.Password,
            ["Input.ConfirmPassword"] = TeamSite.Password,
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var second = fixture.CreateClient();

        var (status, page) = await second.GetAsync(link);

        status.ShouldBe(HttpStatusCode.Gone);
        page.QuerySelector("#invitation-refusee")!.Text().ShouldContain("Cette invitation a déjà été utilisée");
        page.QuerySelector("form.account-form").ShouldBeNull();
    }

    [Fact]
    public async Task Revoked_IsRefused_AndAudited()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("revoquee");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);

        using var revoked = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe", new Dictionary<string, string>(), "form.team-revoke");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var invitee = fixture.CreateClient();
        var (status, page) = await invitee.GetAsync(link);

        status.ShouldBe(HttpStatusCode.Gone);
        page.QuerySelector("#invitation-refusee")!.Text().ShouldContain("Cette invitation a été révoquée");
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.InvitationRevoked)).ShouldBe(1);
        var (_, team) = await admin.GetAsync($"/espace/{tenant.Slug}/equipe");
        team.QuerySelector("table.team-invitations").ShouldBeNull();
    }

    [Fact]
    public async Task InvitingTheSameAddressAgain_ReplacesThePendingInvitation()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("deux-fois");
        var first = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        using (var again = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.Role"] = TenantRole.Admin }, "form.team-invite"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var second = TeamSite.LinkIn(fixture.MailsTo(email)[^1]);
        using var invitee = fixture.CreateClient();

        (await invitee.GetAsync(first)).Status.ShouldBe(HttpStatusCode.Gone);
        (await invitee.GetAsync(second)).Status.ShouldBe(HttpStatusCode.OK);
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM invitations WHERE tenant_id = @t AND accepted_at IS NULL AND revoked_at IS NULL", ("t", tenant.Id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownToken_IsRefused(string token)
    {
        using var client = fixture.CreateClient();

        var (status, page) = await client.GetAsync($"/compte/invitation?jeton={token}");

        status.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("#invitation-refusee")!.Text().ShouldContain("Ce lien d’invitation n’est pas reconnu.");
    }

    [Fact]
    public async Task ConcurrentAcceptances_CreateOneMembershipOnly()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var email = AccountsFixture.UniqueEmail("course");
        var link = await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var racers = new[]
        {
            await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("course-a"), TeamSite.Password),
            await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("course-b"), TeamSite.Password),
            await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("course-c"), TeamSite.Password),
        };

        var results = await Task.WhenAll(racers.Select(async user =>
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();
            var lookup = await invitations.FindAsync(token, CancellationToken.None);
            return await invitations.AcceptAsync(lookup, user, CancellationToken.None);
        }));

        results.Count(accepted => accepted).ShouldBe(1);
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM tenant_memberships WHERE tenant_id = @tenant AND role = 'editor'", ("tenant", tenant.Id))).ShouldBe(1);
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.InvitationAccepted)).ShouldBe(1);
    }

    [Fact]
    public async Task Invitations_AreTenantPrivate_ForTheApplicationRole()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        await TeamSite.InviteAsync(fixture, admin, tenant, AccountsFixture.UniqueEmail("privee"), TenantRole.Editor);

        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM invitations WHERE tenant_id = @tenant", ("tenant", tenant.Id))).ShouldBe(1);
        (await fixture.Database.QueryAsAppAsync<long>("SELECT count(*) FROM invitations")).ShouldBe(0);
    }
}
