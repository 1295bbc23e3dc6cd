using RtesPlatform.Core;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>The weekly digest: the last ISO week's publications, to every network admin, once per week.</summary>
public sealed class WeeklyDigestTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private async Task<Tenant> PublishedAsync(DateTimeOffset at, int version, bool suspended = false)
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.ExecuteAsAdminAsync(
            "UPDATE tenants SET published_at = @at, published_version = @v, status = @s WHERE id = @id",
            ("at", at), ("v", version), ("s", suspended ? "suspended" : "active"), ("id", tenant.Id));
        return tenant;
    }

    [Fact]
    public async Task Digest_ListsTheLastWeeksPublications_ToEveryNetworkAdmin_OncePerWeek()
    {
        var monday = new DateOnly(2031, 3, 10);
        var clock = new FakeClock(ParisCalendar.StartOf(monday).AddHours(8));
        var transport = new CapturingTransport();
        await using var node = await CampaignNode.CreateAsync(database, clock, transport);
        await using var otherNode = await CampaignNode.CreateAsync(database, clock, transport);
        var admins = new[] { $"admin1-{Guid.NewGuid():N}@test.example", $"admin2-{Guid.NewGuid():N}@test.example" };
        foreach (var admin in admins)
        {
            await CampaignNode.CreateUserAsync(database, admin, NetworkRoles.NetworkAdmin);
        }

        var editor = $"editor-{Guid.NewGuid():N}@test.example";
        await CampaignNode.CreateUserAsync(database, editor);

        var lastWeek = await PublishedAsync(ParisCalendar.StartOf(monday.AddDays(-5)).AddHours(15), version: 3);
        var thisWeek = await PublishedAsync(ParisCalendar.StartOf(monday).AddHours(7), version: 1);
        var weekBefore = await PublishedAsync(ParisCalendar.StartOf(monday.AddDays(-8)).AddHours(12), version: 2);
        var suspended = await PublishedAsync(ParisCalendar.StartOf(monday.AddDays(-6)).AddHours(12), version: 4, suspended: true);

        await Task.WhenAll(node.RunDigestAsync(), otherNode.RunDigestAsync());
        await node.RunDigestAsync();

        var mails = transport.Delivered.ToList();
        transport.Take([.. admins, editor]).ShouldBe([.. admins.Select(a => $"{a} weekly-digest").Order(StringComparer.Ordinal)]);
        var body = mails.First(m => m.To == admins[0]).TextBody;
        body.ShouldContain($"{lastWeek.Name} : version 3, publiée le mercredi 5 mars 2031 à 15\u00a0h\u00a000");
        body.ShouldContain($"/collectivites/{lastWeek.Slug}");
        body.ShouldNotContain(thisWeek.Slug);
        body.ShouldNotContain(weekBefore.Slug);
        body.ShouldNotContain(suspended.Slug);
        mails.First(m => m.To == admins[0]).Subject.ShouldContain("du 3 mars au 9 mars 2031");

        clock.SetParisMorning(monday.AddDays(7));
        await node.RunDigestAsync();
        var next = transport.Delivered.First(m => m.To == admins[1]).TextBody;
        transport.Take(admins).Count.ShouldBe(2);
        next.ShouldContain($"/collectivites/{thisWeek.Slug}");
        next.ShouldNotContain(lastWeek.Slug);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM digest_sends WHERE status = 'sent'")).ShouldBe(2);
    }

    [Fact]
    public void PreviousWeekStart_IsTheMondayOfTheLastCompleteIsoWeek()
    {
        WeeklyDigest.PreviousWeekStart(new DateOnly(2031, 3, 10)).ShouldBe(new DateOnly(2031, 3, 3));
        WeeklyDigest.PreviousWeekStart(new DateOnly(2031, 3, 16)).ShouldBe(new DateOnly(2031, 3, 3));
        WeeklyDigest.PreviousWeekStart(new DateOnly(2031, 1, 6)).ShouldBe(new DateOnly(2030, 12, 30));
    }
}
