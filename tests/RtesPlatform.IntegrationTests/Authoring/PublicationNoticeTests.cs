using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// Publication notices: the rest of the team hears of a publication, by mail, from a
/// tenant-carrying background job (the tenant stamped at enqueue, set again in the job's scope).
/// </summary>
public sealed class PublicationNoticeTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Notices-RTES-2026!";

    [Fact]
    public async Task Publish_MailsTheOtherMembersOfTheTeam_NotThePublisher()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await fixture.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version 1." } });
        var publisher = await MemberAsync(tenant, TenantRole.Editor);
        var colleague = await MemberAsync(tenant, TenantRole.Admin);
        using var client = fixture.CreateClient();
        (await client.SignInAsync(publisher, Password)).Dispose();

        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            var draft = await db.FicheDrafts.SingleAsync();
            draft.Content = new FicheContent { Panorama = new PanoramaSection { Narrative = "Version 2." } };
            draft.Revision++;
            await db.SaveChangesAsync();
        });
        using var published = await client.SubmitAsync($"/espace/{tenant.Slug}/publier", new Dictionary<string, string>(), "form.form-actions");

        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = (await MailsEventuallyAsync(colleague)).ShouldHaveSingleItem();
        mail.ShouldContain("version 2");
        mail.ShouldContain($"/collectivites/{tenant.Slug}");
        fixture.MailsTo(publisher).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheNoticeJob_CarriesItsTenant_RunsUnderItsRowLevelSecurity_AndRunTwiceMailsNobodyTwice()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        await fixture.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version 1." } });
        var colleague = await MemberAsync(tenant, TenantRole.Admin);
        var other = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var outsider = await MemberAsync(other, TenantRole.Admin);
        var publisher = new AuthoringUser(Guid.NewGuid().ToString(), "Agente de test");

        // Queued inside the tenant's unit of work, as a publishing request does.
        string jobId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(Info(tenant));
            jobId = scope.ServiceProvider.GetRequiredService<PublicationNotices>().Queue(1, publisher, "https://rtes.example/collectivites/x");
        }

        var storage = fixture.Factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            connection.GetJobParameter(jobId, TenantJobFilter.TenantParameter).ShouldContain(tenant.Id.ToString());
        }

        (await MailsEventuallyAsync(colleague)).ShouldHaveSingleItem().ShouldContain("version 1");
        fixture.MailsTo(outsider).ShouldBeEmpty();
        var recorded = await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM audit_events WHERE tenant_id = @t AND action = 'publication.notice_sent' AND version = 1", ("t", tenant.Id));
        recorded.ShouldBe(1L);

        // At least once: the same job run again (a worker killed after sending) mails nobody twice.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(Info(tenant));
            (await ActivatorUtilities.CreateInstance<PublicationNoticeJob>(scope.ServiceProvider).SendAsync(1, publisher.Id, publisher.Name, "https://rtes.example/collectivites/x", CancellationToken.None))
                .ShouldBe(0);
        }

        fixture.MailsTo(colleague).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TheNoticeJob_CreatedWithoutATenant_IsRefusedAtEnqueue_WithTheReason()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();

        var refused = Should.Throw<Exception>(() =>
            jobs.Enqueue<PublicationNoticeJob>(j => j.SendAsync(1, null, null, "https://rtes.example/", CancellationToken.None)));

        var messages = string.Join(" | ", Chain(refused).Select(e => e.Message));
        messages.ShouldContain("created without a tenant");
    }

    private static TenantInfo Info(Tenant tenant) => new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status);

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private async Task<IReadOnlyList<string>> MailsEventuallyAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (fixture.MailsTo(to).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return fixture.MailsTo(to);
    }

    private async Task<string> MemberAsync(Tenant tenant, string role)
    {
        var email = AccountsFixture.UniqueEmail(role);
        var user = await fixture.CreateUserAsync(email, Password);
        await fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return email;
    }
}
