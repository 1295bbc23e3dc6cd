using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Features.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(c => c.OpenedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.OpenedBy);
        builder.HasIndex(c => c.Deadline);
    }
}
