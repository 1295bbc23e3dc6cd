using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RtesPlatform.Core.Features.Campaigns;

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> builder)
    {
        builder.ToTable("digest_sends", t =>
        {
            t.HasCheckConstraint("ck_digest_sends_status", "status IN ('sending', 'sent', 'failed', 'nothing')");
        });
        builder.HasKey(d => d.WeekStart);
        builder.Property(d => d.Status).HasMaxLength(20);
    }
}
