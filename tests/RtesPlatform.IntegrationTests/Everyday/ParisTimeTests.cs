using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Team;

namespace RtesPlatform.IntegrationTests.Everyday;

/// <summary>
/// Issue 15, item 5: the journal's events in French, every time in Europe/Paris with French dates,
/// in the journal and in the invitation mail, with a test clock on each side of a change of time.
/// </summary>
public sealed class ParisTimeTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>, IDisposable
{
    public void Dispose() => fixture.Clock.Reset();

    [Fact]
    public async Task Journal_ShowsFrenchLabels_AndParisTimes_OnBothSidesOfTheSpringChange()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        // 28 March 2027: at 01:00 UTC Paris goes from 02:00 (CET, UTC+1) to 03:00 (CEST, UTC+2).
        fixture.Clock.Set(new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.Zero));
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using (admin)
        {
            var before = AccountsFixture.UniqueEmail("avant");
            await TeamSite.InviteAsync(fixture, admin, tenant, before, TenantRole.Editor);
            fixture.Clock.Set(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero));
            await TeamSite.InviteAsync(fixture, admin, tenant, AccountsFixture.UniqueEmail("apres"), TenantRole.Editor);

            var (status, journal) = await admin.GetAsync($"/espace/{tenant.Slug}/journal");

            status.ShouldBe(HttpStatusCode.OK);
            var rows = journal.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => Normalize(c.TextContent)).ToList()).ToList();
            rows.Count.ShouldBe(2);
            rows[0][0].ShouldBe("le 28 mars 2027 à 3 h 30");
            rows[1][0].ShouldBe("le 28 mars 2027 à 1 h 30");
            rows.ShouldAllBe(r => r[2] == "Membre invité dans l’équipe");
            journal.QuerySelector("table.audit-log")!.TextContent.ShouldNotContain("member.invited");
            journal.QuerySelector("table.audit-log")!.TextContent.ShouldNotContain("UTC");
            journal.QuerySelector("table.audit-log time")!.GetAttribute("datetime").ShouldBe("2027-03-28T03:30:00+02:00");

            // Invited at 01:30 CET for 7 days: the link expires on 4 April at 02:30 summer time.
            Normalize(fixture.MailsTo(before).ShouldHaveSingleItem()).ShouldContain("expire le 4 avril 2027 à 2 h 30");
        }
    }

    [Fact]
    public async Task InvitationMail_GivesTheFirstOfTheMonthAs1er_InParisTime()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        fixture.Clock.Set(new DateTimeOffset(2027, 5, 25, 7, 0, 0, TimeSpan.Zero));
        var (admin, _) = await TeamSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using (admin)
        {
            var email = AccountsFixture.UniqueEmail("premier");

            await TeamSite.InviteAsync(fixture, admin, tenant, email, TenantRole.Editor);

            var mail = Normalize(fixture.MailsTo(email).ShouldHaveSingleItem());
            mail.ShouldContain("expire le 1er juin 2027 à 9 h 00");
            mail.ShouldNotContain("UTC");
            mail.ShouldNotContain("(e)");
        }
    }

    [Fact]
    public void EveryAuditAction_HasAFrenchLabel()
    {
        var codes = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        codes.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var code in codes)
        {
            var label = AuditActions.French(code);
            label.ShouldNotBe("Autre action", code);
            label.ShouldNotContain(".", customMessage: code);
        }
    }

    /// <summary>French text uses non-breaking spaces ("9 h 00"); compared with plain ones.</summary>
    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00a0', ' ').Replace('\u202f', ' '), @"\s+", " ").Trim();
}
