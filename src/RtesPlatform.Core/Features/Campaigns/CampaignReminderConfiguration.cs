using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RtesPlatform.Core.Features.Campaigns;

internal sealed class CampaignReminderConfiguration : IEntityTypeConfiguration<CampaignReminder>
{
    public void Configure(EntityTypeBuilder<CampaignReminder> builder)
    {
        builder.ToTable("campaign_reminders", t =>
        {
            t.HasCheckConstraint("ck_campaign_reminders_kind", "kind IN ('opening', 'two-weeks', 'deadline')");
            t.HasCheckConstraint("ck_campaign_reminders_status", "status IN ('sending', 'sent', 'failed', 'no-recipient')");
        });
        builder.HasKey(r => new { r.CampaignId, r.TenantId, r.Kind });
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.LastError).HasMaxLength(500);
        builder.HasOne<CampaignTarget>().WithMany()
            .HasForeignKey(r => new { r.CampaignId, r.TenantId })
            .HasConstraintName("fk_campaign_reminders_campaign_targets")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
