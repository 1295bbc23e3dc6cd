using System.Globalization;
using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;
using RtesPlatform.IntegrationTests.Team;

namespace RtesPlatform.IntegrationTests.Everyday;

/// <summary>Issue 15, item 8: before a campaign opens, who it will reach; opening asks for confirmation with those counts.</summary>
public sealed class CampaignReachTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task Form_CountsTargetsWithAConfirmedAddress_ListsThoseWithout_AndOpeningAsksForConfirmation()
    {
        var reachable = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var unconfirmed = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var empty = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await TeamSite.AddMemberAsync(fixture, reachable, (await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("ok"), TeamSite.Password)).Id, TenantRole.Admin);
        await TeamSite.AddMemberAsync(fixture, unconfirmed, (await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("non-confirme"), TeamSite.Password, confirmed: false)).Id, TenantRole.Admin);
        using var admin = await fixture.SignedInNetworkAdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Every active tenant never published is targeted; those of this class's database are known.
        var targets = await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE status = 'active' AND published_at IS NULL");
        var withRecipient = await fixture.Database.QueryAsAdminAsync<long>("""
            SELECT count(DISTINCT t.id) FROM tenants t JOIN tenant_memberships m ON m.tenant_id = t.id JOIN asp_net_users u ON u.id = m.user_id
            WHERE t.status = 'active' AND t.published_at IS NULL AND u.email_confirmed
            """);

        var (_, form) = await admin.GetAsync("/reseau/campagnes");
        using var checkedForm = await admin.SubmitAsync("/reseau/campagnes", form, new Dictionary<string, string>
        {
            ["Form.Title"] = "Mise à jour annuelle",
            ["Form.Message"] = "Merci de mettre à jour votre fiche.",
            ["Form.Deadline"] = (today.AddDays(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.StaleBefore"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "form.campaign-form");

        checkedForm.StatusCode.ShouldBe(HttpStatusCode.OK, "the first submission only shows who will be reached");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM campaigns")).ShouldBe(0);
        var page = await AccountClient.ParseAsync(checkedForm);
        page.QuerySelector("#portee")!.Text().ShouldBe(
            $"La campagne viserait {targets} collectivités : {withRecipient} avec dans l’équipe une personne à l’adresse e-mail confirmée, {targets - withRecipient} sans personne pour recevoir les rappels.");
        var without = page.QuerySelectorAll("#sans-destinataire li").ToList();
        without.Count.ShouldBe((int)(targets - withRecipient));
        without.ShouldContain(li => li.Text().StartsWith(unconfirmed.Name, StringComparison.Ordinal));
        without.ShouldContain(li => li.Text().StartsWith(empty.Name, StringComparison.Ordinal));
        without.ShouldNotContain(li => li.Text().StartsWith(reachable.Name + " ", StringComparison.Ordinal));
        without.First(li => li.Text().StartsWith(empty.Name, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")
            .ShouldBe($"/reseau/collectivites/{empty.Slug}/inviter");
        page.QuerySelector("#confirmation")!.Text().ShouldContain($"des rappels partiront vers les équipes de {withRecipient} collectivité");

        // The message is a textarea, which the test client does not collect.
        using var opened = await admin.SubmitAsync("/reseau/campagnes", page,
            new Dictionary<string, string> { ["Form.Message"] = page.QuerySelector("#Form_Message")!.TextContent }, "form.campaign-form");

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, dashboard) = await admin.GetAsync(opened.Headers.Location!.OriginalString);
        var notice = dashboard.QuerySelector("[role=status]")!.Text();
        notice.ShouldContain($"les premiers rappels partent vers les équipes de {withRecipient} collectivité");
        notice.ShouldContain($"{targets - withRecipient} collectivités visées n’ont personne pour les recevoir");
        dashboard.QuerySelector("main")!.Text().ShouldNotContain("(s)");
    }

    [Fact]
    public void NobodyToReceive_TheMessageNeverSaysRemindersLeave()
    {
        var none = new Core.Features.Campaigns.CampaignReach.Result([], [new(Guid.NewGuid(), "CA de Test", "ca-de-test")]);

        var message = Core.Features.Campaigns.CampaignReach.OpenedMessage("Mise à jour", none);

        message.ShouldContain("aucun rappel ne part");
        message.ShouldNotContain("partent");
    }
}
