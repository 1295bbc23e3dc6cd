using RtesPlatform.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>
/// Campaign: with a fake clock, the right tenants get the right reminders at the right dates, and
/// none twice (a second run the same day, two nodes at once, a tenant that updated meanwhile).
/// The reminder service is what the <c>campaign-reminders</c> job runs.
/// </summary>
public sealed class CampaignReminderTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateOnly Opening = new(2031, 3, 3);
    private static readonly DateOnly Deadline = new(2031, 4, 30);
    private static readonly DateOnly StaleBefore = new(2031, 1, 1);

    private async Task<(Tenant Tenant, string Email)> TenantAsync(string name, DateTimeOffset? publishedAt, bool member = true)
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await CampaignNode.SetPublishedAtAsync(database, tenant, publishedAt);
        var email = $"{name}-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        if (member)
        {
            await CampaignNode.AddMemberAsync(database, tenant, await CampaignNode.CreateUserAsync(database, email), TenantRole.Editor);
        }

        return (tenant, email);
    }

    [Fact]
    public async Task Campaign_RightTenantsGetTheRightRemindersAtTheRightDates_AndNoneTwice()
    {
        var clock = new FakeClock(ParisCalendar.StartOf(Opening).AddHours(8));
        var transport = new CapturingTransport();
        await using var node = await CampaignNode.CreateAsync(database, clock, transport);
        await using var otherNode = await CampaignNode.CreateAsync(database, clock, transport);

        var recent = await TenantAsync("recent", new DateTimeOffset(2031, 2, 15, 10, 0, 0, TimeSpan.Zero));
        var never = await TenantAsync("never", null);
        var old = await TenantAsync("old", new DateTimeOffset(2029, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var suspended = await TenantAsync("suspended", null);
        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", suspended.Tenant.Id));
        // Recent fiche but old figures: targeted; it updates its figures mid-campaign.
        var updater = await TenantAsync("updater", new DateTimeOffset(2031, 2, 10, 10, 0, 0, TimeSpan.Zero));
        await CampaignNode.SetFiguresAtAsync(database, updater.Tenant, new DateTimeOffset(2029, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var noTeam = await TenantAsync("noteam", null, member: false);
        string[] addresses = [recent.Email, never.Email, old.Email, suspended.Email, updater.Email];

        var campaign = await node.OpenAsync("Mise à jour 2031", Deadline, StaleBefore);
        var targets = await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(tenant_id::text, ',' ORDER BY tenant_id) FROM campaign_targets WHERE campaign_id = @c", ("c", campaign.Id));
        // Other tests of this class leave stale tenants of their own: look at this test's tenants only.
        var mine = new[] { recent, never, old, suspended, updater, noTeam }.Select(t => t.Tenant.Id.ToString()).ToHashSet(StringComparer.Ordinal);
        targets.Split(',').Where(mine.Contains).ShouldBe(
            new[] { never.Tenant.Id, old.Tenant.Id, updater.Tenant.Id, noTeam.Tenant.Id }.Select(i => i.ToString()),
            ignoreOrder: true);

        // Opening day: the job fired by the opening, then the daily run, then two nodes at once.
        await node.RunRemindersAsync();
        await node.RunRemindersAsync();
        await Task.WhenAll(node.RunRemindersAsync(), otherNode.RunRemindersAsync());
        transport.Take(addresses).ShouldBe(Expected((never, "opening"), (old, "opening"), (updater, "opening")));
        (await ReminderStatusAsync(campaign, noTeam.Tenant, ReminderKinds.Opening)).ShouldBe(ReminderStatuses.NoRecipient);

        clock.SetParisMorning(Deadline.AddDays(-15));
        await node.RunRemindersAsync();
        transport.Take(addresses).ShouldBeEmpty("nothing is due fifteen days before the deadline");

        // The updater changes its figures the day before the second reminder.
        await CampaignNode.SetFiguresAtAsync(database, updater.Tenant, clock.GetUtcNow().AddHours(2));

        clock.SetParisMorning(Deadline.AddDays(-14));
        await Task.WhenAll(node.RunRemindersAsync(), otherNode.RunRemindersAsync());
        await node.RunRemindersAsync();
        transport.Take(addresses).ShouldBe(Expected((never, "two-weeks"), (old, "two-weeks")));

        clock.SetParisMorning(Deadline.AddDays(-1));
        await node.RunRemindersAsync();
        transport.Take(addresses).ShouldBeEmpty("the two-weeks reminder was already sent");

        // The old tenant publishes on the morning of the deadline, before the run.
        clock.SetParisMorning(Deadline);
        await CampaignNode.SetPublishedAtAsync(database, old.Tenant, clock.GetUtcNow().AddMinutes(-30));
        await Task.WhenAll(node.RunRemindersAsync(), otherNode.RunRemindersAsync());
        await node.RunRemindersAsync();
        transport.Take(addresses).ShouldBe(Expected((never, "deadline")));

        clock.SetParisMorning(Deadline.AddDays(1));
        await node.RunRemindersAsync();
        transport.Take(addresses).ShouldBeEmpty("the campaign is closed after its deadline");

        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM campaign_reminders WHERE campaign_id = @c AND tenant_id = ANY(@t)",
            ("c", campaign.Id), ("t", new[] { recent.Tenant.Id, suspended.Tenant.Id }))).ShouldBe(0);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM campaign_reminders WHERE campaign_id = @c AND tenant_id = ANY(@t) AND status = 'sent' AND cardinality(recipients) = 1",
            ("c", campaign.Id), ("t", new[] { never.Tenant.Id, old.Tenant.Id, updater.Tenant.Id }))).ShouldBe(6);
    }

    [Fact]
    public async Task FailedMail_IsRetriedByTheNextRun_OnlyToTheRecipientItMissed()
    {
        var opening = new DateOnly(2033, 9, 1);
        var clock = new FakeClock(ParisCalendar.StartOf(opening).AddHours(8));
        var transport = new CapturingTransport();
        await using var node = await CampaignNode.CreateAsync(database, clock, transport);
        var (tenant, first) = await TenantAsync("first", null);
        var second = $"second-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await CampaignNode.AddMemberAsync(database, tenant, await CampaignNode.CreateUserAsync(database, second), TenantRole.Admin);
        var campaign = await node.OpenAsync("Campagne 2033", opening.AddDays(40), opening);

        transport.Failing[second] = true;
        var result = await node.RunRemindersAsync();
        result.Failed.ShouldBeGreaterThanOrEqualTo(1);
        transport.Take([first, second]).ShouldBe([$"{first} campaign-opening"]);
        (await ReminderStatusAsync(campaign, tenant, ReminderKinds.Opening)).ShouldBe(ReminderStatuses.Failed);

        transport.Failing.Clear();
        clock.Set(clock.GetUtcNow().AddMinutes(1));
        await node.RunRemindersAsync();
        await node.RunRemindersAsync();
        transport.Take([first, second]).ShouldBe([$"{second} campaign-opening"]);
        (await ReminderStatusAsync(campaign, tenant, ReminderKinds.Opening)).ShouldBe(ReminderStatuses.Sent);
    }

    [Fact]
    public async Task VisitHook_RecordsTheFirstVisitOnce_OnlyForTheVisitedTenant()
    {
        var opening = new DateOnly(2035, 1, 10);
        var clock = new FakeClock(ParisCalendar.StartOf(opening).AddHours(8));
        await using var node = await CampaignNode.CreateAsync(database, clock, new CapturingTransport());
        var (visited, _) = await TenantAsync("visited", null);
        var (other, _) = await TenantAsync("other", null);
        var campaign = await node.OpenAsync("Campagne 2035", opening.AddDays(30), opening);

        clock.Set(clock.GetUtcNow().AddDays(2));
        await VisitAsync(node, visited);
        var firstVisit = clock.GetUtcNow();
        clock.Set(clock.GetUtcNow().AddDays(1));
        await VisitAsync(node, visited);

        (await database.QueryAsAdminAsync<DateTime>(
            "SELECT first_visit_at FROM campaign_targets WHERE campaign_id = @c AND tenant_id = @t", ("c", campaign.Id), ("t", visited.Id)))
            .ShouldBe(firstVisit.UtcDateTime);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM campaign_targets WHERE campaign_id = @c AND tenant_id = @t AND first_visit_at IS NULL", ("c", campaign.Id), ("t", other.Id)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task TenantSession_SeesAndWritesOnlyItsOwnTargets()
    {
        var opening = new DateOnly(2036, 1, 10);
        var clock = new FakeClock(ParisCalendar.StartOf(opening).AddHours(8));
        await using var node = await CampaignNode.CreateAsync(database, clock, new CapturingTransport());
        var (mine, _) = await TenantAsync("mine", null);
        var (theirs, _) = await TenantAsync("theirs", null);
        var campaign = await node.OpenAsync("Campagne 2036", opening.AddDays(30), opening);

        long visible = -1;
        int updated = -1;
        await database.RunAsTenantAsync(mine, async db =>
        {
            visible = await db.CampaignTargets.LongCountAsync(t => t.CampaignId == campaign.Id);
            updated = await db.Database.ExecuteSqlAsync(
                $"UPDATE campaign_targets SET first_visit_at = now() WHERE campaign_id = {campaign.Id} AND tenant_id = {theirs.Id}");
        });

        visible.ShouldBe(1);
        updated.ShouldBe(0);
    }

    private static async Task VisitAsync(CampaignNode node, Tenant tenant)
    {
        await using var scope = node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
        await scope.ServiceProvider.GetRequiredService<CampaignVisits>().RecordAsync(CancellationToken.None);
    }

    private Task<string> ReminderStatusAsync(Campaign campaign, Tenant tenant, string kind) =>
        database.QueryAsAdminAsync<string>(
            "SELECT status FROM campaign_reminders WHERE campaign_id = @c AND tenant_id = @t AND kind = @k",
            ("c", campaign.Id), ("t", tenant.Id), ("k", kind));

    private static string[] Expected(params ((Tenant Tenant, string Email) Target, string Kind)[] mails) =>
        [.. mails.Select(m => $"{m.Target.Email} campaign-{m.Kind}").Order(StringComparer.Ordinal)];
}
