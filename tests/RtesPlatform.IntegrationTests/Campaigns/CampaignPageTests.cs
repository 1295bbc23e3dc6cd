using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Team;

namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>The campaign pages of the network console, over HTTP, with the host's scheduler running the reminder job.</summary>
public sealed class CampaignPageTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Campagne-RTES-2026!";
    private const string Form = "form.campaign-form";

    /// <summary>The campaign the authorization matrix opens (<c>{campaign}</c>), stored by <see cref="EnsureMatrixCampaignAsync"/>.</summary>
    internal const string MatrixCampaignId = "6c0a7f52-3d1e-4b8a-9f20-5e4d3c2b1a09";

    internal static Task EnsureMatrixCampaignAsync(TestDatabase database) => database.ExecuteAsAdminAsync("""
        INSERT INTO campaigns (id, title, message, deadline, stale_before, opened_at)
        VALUES (@id, 'Matrice', 'Message', DATE '2030-01-31', DATE '2029-01-01', now()) ON CONFLICT (id) DO NOTHING
        """, ("id", Guid.Parse(MatrixCampaignId)));

    private Task<AccountClient> SignInNetworkAdminAsync() => fixture.SignedInNetworkAdminAsync();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task OpenCampaign_BadForm_ShowsFrenchErrorsNextToTheFields_KeepingWhatWasTyped()
    {
        using var admin = await SignInNetworkAdminAsync();

        using var response = await admin.SubmitAsync("/reseau/campagnes", new Dictionary<string, string>
        {
            ["Form.Title"] = "",
            ["Form.Message"] = "Mettez à jour",
            ["Form.Deadline"] = "le 31 mars",
            ["Form.StaleBefore"] = "2999-01-01",
        }, Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#Form_Title-error")!.Text().ShouldContain("Indiquez le titre de la campagne.");
        page.QuerySelector("#Form_Deadline-error")!.Text().ShouldContain("La date limite doit être une date, par exemple 31/03/2027.");
        page.QuerySelector("#Form_StaleBefore-error")!.Text().ShouldContain("ne peut pas être dans le futur");
        page.QuerySelector("#Form_Message-error").ShouldBeNull();
        page.QuerySelector("#Form_Message")!.TextContent.ShouldBe("Mettez à jour");
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("La campagne n’a pas été ouverte");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM campaigns")).ShouldBe(0);
    }

    [Fact]
    public async Task OpenCampaign_SendsTheOpeningReminders_AndTheDashboardShowsUpdatedVisitedAndNot()
    {
        var stale = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var visitor = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var updater = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (member, memberUser) = await TeamSite.SignedInMemberAsync(fixture, visitor, TenantRole.Editor);
        var staleEditor = AccountsFixture.UniqueEmail("stale");
        await TeamSite.AddMemberAsync(fixture, stale, (await fixture.CreateUserAsync(staleEditor, Password)).Id, TenantRole.Editor);
        using var admin = await SignInNetworkAdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using var opened = await admin.SubmitAsync("/reseau/campagnes", new Dictionary<string, string>
        {
            ["Form.Title"] = "Mise à jour annuelle",
            ["Form.Message"] = "Merci de **mettre à jour** votre fiche. <script>alert(1)</script>",
            ["Form.Deadline"] = Iso(today.AddDays(60)),
            ["Form.StaleBefore"] = Iso(today),
            ["Confirmed"] = "true",
        }, Form);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dashboardUrl = opened.Headers.Location!.OriginalString;
        dashboardUrl.ShouldStartWith("/reseau/campagnes/");

        // The opening fired the job: the host's scheduler sends the opening reminders.
        var watch = Stopwatch.StartNew();
        while (fixture.MailsTo(staleEditor).Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        fixture.MailsTo(staleEditor).ShouldHaveSingleItem().ShouldContain("Mise");
        using (var visit = await member.Http.GetAsync(new Uri($"/espace/{visitor.Slug}", UriKind.Relative)))
        {
            visit.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await fixture.Database.ExecuteAsAdminAsync("UPDATE tenants SET published_at = now() WHERE id = @id", ("id", updater.Id));

        var (status, dashboard) = await admin.GetAsync(dashboardUrl);
        status.ShouldBe(HttpStatusCode.OK);
        dashboard.QuerySelector(".campaign-message strong")!.Text().ShouldBe("mettre à jour");
        dashboard.QuerySelector(".campaign-message script").ShouldBeNull();
        Row(dashboard, stale).QuerySelector(".updated")!.Text().ShouldBe("non");
        Row(dashboard, stale).QuerySelector(".visited")!.Text().ShouldBe("non");
        Row(dashboard, stale).QuerySelector(".reminders")!.Text().ShouldContain("ouverture : envoyé (1 destinataire)");
        Row(dashboard, visitor).QuerySelector(".visited")!.Text().ShouldStartWith("oui, le ");
        Row(dashboard, updater).QuerySelector(".updated")!.Text().ShouldStartWith("oui, le ");

        var (_, filtered) = await admin.GetAsync(dashboardUrl + "?filtre=a-relancer");
        filtered.QuerySelector($"tr[data-tenant='{stale.Slug}']").ShouldNotBeNull();
        filtered.QuerySelector($"tr[data-tenant='{updater.Slug}']").ShouldBeNull();

        var (_, list) = await admin.GetAsync("/reseau/campagnes");
        list.QuerySelectorAll("tbody th a").Select(a => a.Text()).ShouldContain("Mise à jour annuelle");
        memberUser.ShouldNotBeNull();
    }

    [Fact]
    public async Task CampaignPages_RefuseATenantEditor()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (member, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);

        (await member.GetAsync("/reseau/campagnes")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/reseau/campagnes/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static IElement Row(IDocument page, Tenant tenant) =>
        page.QuerySelector($"tr[data-tenant='{tenant.Slug}']").ShouldNotBeNull($"row of {tenant.Slug}");
}
