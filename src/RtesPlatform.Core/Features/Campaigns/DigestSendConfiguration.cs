using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RtesPlatform.Core.Features.Campaigns;

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> builder)
    {
        builder.ToTable("digest_sends");
        builder.HasKey(d => d.WeekStart);
        builder.Property(d => d.Status).HasMaxLength(20);
    }
}
