using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// The comparison aggregates follow a publication through Hangfire: the publisher (here a
/// process-less container, like a command) only stores a delayed job in the job storage; the web
/// host's server, a node of the same cluster, runs it.
/// </summary>
public sealed class AggregateJobTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Publication_ReachesTheAggregates_ThroughTheJobItStores()
    {
        await using var web = new RtesWebFactory(database);
        _ = web.Services; // starts the host, and with it a job server
        var tenant = await database.CreateTenantAsync(TestSirens.Next());

        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection { Lines = [new BudgetLine { Label = "Fonds", Amount = 123_456m, Year = 2031, Nature = BudgetNature.Autre }] },
        });
        var watch = Stopwatch.StartNew();
        long rows;
        do
        {
            await Task.Delay(200);
            rows = await database.QueryAsAdminAsync<long>(
                "SELECT count(*) FROM indicator_aggregates WHERE indicator_code = 'budget_total' AND year = 2031 AND total = 123456");
        }
        while (rows == 0 && watch.Elapsed < TimeSpan.FromSeconds(30));

        rows.ShouldBeGreaterThan(0, $"no aggregate after {watch.Elapsed}");
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%RefreshQueuedAggregatesJob%'")).ShouldBeGreaterThan(0);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregate_queue")).ShouldBe(0);
    }

    [Fact]
    public async Task RecurringJobs_AreStoredWithTheirSchedules_InParisTime()
    {
        await using var web = new RtesWebFactory(database);
        _ = web.Services;
        var storage = web.Services.GetRequiredService<JobStorage>();
        var watch = Stopwatch.StartNew();
        List<RecurringJobDto> recurring;
        do
        {
            await Task.Delay(200);
            using var connection = storage.GetConnection();
            recurring = connection.GetRecurringJobs();
        }
        while (recurring.Count < 7 && watch.Elapsed < TimeSpan.FromSeconds(30));

        var byId = recurring.ToDictionary(r => r.Id);
        byId.Keys.ShouldBe(
            ["aggregates-nightly", "aggregates-sweep", "campaign-reminders", "cluster-heartbeat", "legacy-import-sweep", "open-data-export", "weekly-digest"],
            ignoreOrder: true);
        byId["aggregates-nightly"].Cron.ShouldBe("30 2 * * *");
        byId["aggregates-sweep"].Cron.ShouldBe("* * * * *");
        byId["open-data-export"].Cron.ShouldBe("0 3 * * *");
        byId["campaign-reminders"].Cron.ShouldBe("0 8 * * *");
        byId["weekly-digest"].Cron.ShouldBe("0 8 * * MON");
        recurring.ShouldAllBe(r => r.TimeZoneId == "Europe/Paris" && r.Error == null && r.NextExecution != null);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM hangfire.server")).ShouldBeGreaterThan(0);
    }
}
