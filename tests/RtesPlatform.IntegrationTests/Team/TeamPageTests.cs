using System.Net;
using AngleSharp.Dom;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Team;

/// <summary>The team page of a tenant admin, and the network console's first-admin invitation.</summary>
public sealed class TeamPageTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task Editor_CannotOpenTheTeamPage_NorSeesItInTheNav()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (editor, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Editor);
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);

        using var refused = await editor.Http.GetAsync(new Uri($"/espace/{tenant.Slug}/equipe", UriKind.Relative));
        using var post = await editor.Http.PostAsync(new Uri($"/espace/{tenant.Slug}/equipe?handler=Invite", UriKind.Relative), new FormUrlEncodedContent([]));
        var (_, editorHome) = await editor.GetAsync($"/espace/{tenant.Slug}");
        var (_, adminHome) = await admin.GetAsync($"/espace/{tenant.Slug}");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        editorHome.QuerySelectorAll(".espace-nav a").Select(a => a.Text()).ShouldNotContain("Équipe");
        adminHome.QuerySelectorAll(".espace-nav a").Select(a => a.Text()).ShouldContain("Équipe");
    }

    [Fact]
    public async Task TeamAndFirstAdminPages_OthersAreRefused_WithoutRevealingTheTenant()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (editorOfA, _) = await TeamSite.SignedInMemberAsync(fixture, a, TenantRole.Editor);
        var (adminOfB, _) = await TeamSite.SignedInMemberAsync(fixture, b, TenantRole.Admin);
        using var networkAdmin = await SignInNetworkAdminAsync();
        using var anonymous = fixture.CreateClient();
        var team = $"/espace/{a.Slug}/equipe";
        var firstAdmin = $"/reseau/collectivites/{a.Slug}/inviter";

        using var anonymousTeam = await anonymous.Http.GetAsync(new Uri(team, UriKind.Relative));
        using var anonymousFirstAdmin = await anonymous.Http.GetAsync(new Uri(firstAdmin, UriKind.Relative));
        using var editorTeam = await editorOfA.Http.GetAsync(new Uri(team, UriKind.Relative));
        using var otherAdminTeam = await adminOfB.Http.GetAsync(new Uri(team, UriKind.Relative));
        using var networkAdminTeam = await networkAdmin.Http.GetAsync(new Uri(team, UriKind.Relative));
        using var editorFirstAdmin = await editorOfA.Http.GetAsync(new Uri(firstAdmin, UriKind.Relative));
        using var networkAdminFirstAdmin = await networkAdmin.Http.GetAsync(new Uri(firstAdmin, UriKind.Relative));

        anonymousTeam.Headers.Location!.OriginalString.ShouldEndWith("/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(team));
        anonymousFirstAdmin.Headers.Location!.OriginalString.ShouldEndWith("/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(firstAdmin));
        editorTeam.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await editorTeam.Content.ReadAsStringAsync()).ShouldNotContain(a.Name);
        otherAdminTeam.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdminTeam.Content.ReadAsStringAsync()).ShouldNotContain(a.Name);
        networkAdminTeam.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        editorFirstAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        networkAdminFirstAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_ListsMembers_ChangesARole_AndRemovesAMember()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var (_, editor) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Editor);

        var (status, team) = await admin.GetAsync($"/espace/{tenant.Slug}/equipe");
        status.ShouldBe(HttpStatusCode.OK);
        team.QuerySelectorAll("table.team-members td").Select(td => td.Text()).ShouldContain(editor.Email);
        team.QuerySelectorAll("table.team-members td").Select(td => td.Text()).ShouldContain(adminUser.Email);

        using var promoted = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe", team,
            new Dictionary<string, string> { ["role"] = TenantRole.Admin }, $"form.team-role[action*='{editor.Id}']");
        promoted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, editor.Email!)).ShouldBe(TenantRole.Admin);
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.MemberRoleChanged)).ShouldBe(1);

        using var removed = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string>(), $"form.team-remove[action*='{editor.Id}']");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, editor.Email!)).ShouldBeNull();
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.MemberRemoved)).ShouldBe(1);
        var (_, after) = await admin.GetAsync($"/espace/{tenant.Slug}/equipe");
        after.QuerySelector("[role=status]")!.Text().ShouldBe("Le membre a été retiré de l'équipe.");
        after.QuerySelectorAll("table.team-members td").Select(td => td.Text()).ShouldNotContain(editor.Email);
    }

    [Fact]
    public async Task LastAdmin_CannotRemoveThemselves_NorBecomeEditor()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Editor);

        using var removal = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string>(), $"form.team-remove[action*='{adminUser.Id}']");
        using var demotion = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string> { ["role"] = TenantRole.Editor }, $"form.team-role[action*='{adminUser.Id}']");

        removal.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountClient.ParseAsync(removal)).QuerySelector("[role=alert]")!.Text()
            .ShouldStartWith("Vous êtes le dernier administrateur de cette équipe");
        demotion.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountClient.ParseAsync(demotion)).QuerySelector("[role=alert]")!.Text()
            .ShouldStartWith("Vous êtes le dernier administrateur de cette équipe");
        (await TeamSite.MembershipRoleAsync(fixture, tenant, adminUser.Email!)).ShouldBe(TenantRole.Admin);
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.MemberRemoved)).ShouldBe(0);
    }

    [Fact]
    public async Task Invite_BadOrMemberEmail_ShowsTheErrorNextToTheField_KeepingWhatWasTyped()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);

        using var bad = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string> { ["Invite.Email"] = "pas une adresse", ["Invite.Role"] = TenantRole.Admin }, "form.team-invite");
        using var member = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe",
            new Dictionary<string, string> { ["Invite.Email"] = adminUser.Email!, ["Invite.Role"] = TenantRole.Editor }, "form.team-invite");

        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(bad);
        var input = page.QuerySelector("#Invite_Email")!;
        input.GetAttribute("value").ShouldBe("pas une adresse");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        page.GetElementById(input.GetAttribute("aria-describedby")!.Split(' ').Last())!.Text().ShouldContain("Saisissez une adresse e-mail valide");
        page.QuerySelector("#Invite_Role option[selected]")!.GetAttribute("value").ShouldBe(TenantRole.Admin);
        (await AccountClient.ParseAsync(member)).QuerySelector("form.team-invite")!.Text().ShouldContain("Cette personne fait déjà partie de l'équipe.");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM invitations WHERE tenant_id = @tenant", ("tenant", tenant.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task NetworkAdmin_InvitesTheFirstAdminOfATenant()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        using var networkAdmin = await SignInNetworkAdminAsync();
        var email = AccountsFixture.UniqueEmail("premier-admin");

        var (_, console) = await networkAdmin.GetAsync("/reseau");
        console.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"/reseau/collectivites/{tenant.Slug}/inviter");
        using var sent = await networkAdmin.SubmitAsync($"/reseau/collectivites/{tenant.Slug}/inviter",
            new Dictionary<string, string> { ["Email"] = email }, "form.invite-admin");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await networkAdmin.GetAsync("/reseau");
        after.QuerySelector("[role=status]")!.Text().ShouldContain($"envoyée à {email}");
        var link = TeamSite.LinkIn(fixture.MailsTo(email).ShouldHaveSingleItem());
        using var invitee = fixture.CreateClient();
        using var accepted = await invitee.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Name"] = "Première administratrice",
            ["Input.Password"] = TeamSite.Password,
            ["Input.ConfirmPassword"] = TeamSite.Password,
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TeamSite.MembershipRoleAsync(fixture, tenant, email)).ShouldBe(TenantRole.Admin);
        (await TeamSite.AuditCountAsync(fixture, tenant, AuditActions.MemberInvited)).ShouldBe(1);
        using var team = await invitee.Http.GetAsync(new Uri($"/espace/{tenant.Slug}/equipe", UriKind.Relative));
        team.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<AccountClient> SignInNetworkAdminAsync() => fixture.SignedInNetworkAdminAsync();
}
