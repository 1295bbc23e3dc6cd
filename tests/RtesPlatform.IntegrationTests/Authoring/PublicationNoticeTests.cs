using System.Net;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>Publication notices: the rest of the team hears of a publication, by mail.</summary>
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
        var mail = fixture.MailsTo(colleague).ShouldHaveSingleItem();
        mail.ShouldContain("version 2");
        mail.ShouldContain($"/collectivites/{tenant.Slug}");
        fixture.MailsTo(publisher).ShouldBeEmpty();
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
