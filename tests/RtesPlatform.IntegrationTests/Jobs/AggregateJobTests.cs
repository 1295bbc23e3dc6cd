using System.Diagnostics;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// The comparison aggregates follow a publication through the clustered Quartz scheduler: the
/// publisher (here a process-less container, like a command) only stores a one-off trigger in
/// the job store; the web host's scheduler, a node of the same cluster, fires it.
/// </summary>
public sealed class AggregateJobTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Publication_ReachesTheAggregates_ThroughTheTriggerItStores()
    {
        await using var web = new RtesWebFactory(database);
        _ = web.Services; // starts the host, and with it a scheduler node
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
            "SELECT count(*) FROM qrtz_execution_history WHERE job_name = 'aggregates-refresh' AND succeeded")).ShouldBeGreaterThan(0);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregate_queue")).ShouldBe(0);
    }

    [Fact]
    public async Task RecurringJobs_AreStoredWithTheirTriggers()
    {
        // A database of its own: triggers stored by another test's host would be kept (IgnoreDuplicates).
        await using var own = new TestDatabase();
        await own.InitializeAsync();
        await using var web = new RtesWebFactory(own);
        _ = web.Services;
        await Task.Delay(500);

        var triggers = await own.QueryAsAdminAsync<string>(
            "SELECT string_agg(trigger_name, ',' ORDER BY trigger_name) FROM qrtz_triggers WHERE trigger_group = 'rtes'");

        triggers.Split(',').ShouldContain("aggregates-sweep");
        triggers.Split(',').ShouldContain("aggregates-nightly");
        (await own.QueryAsAdminAsync<long>("SELECT count(*) FROM qrtz_scheduler_state")).ShouldBeGreaterThan(0);
    }
}
