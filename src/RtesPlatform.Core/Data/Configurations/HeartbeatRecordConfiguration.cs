using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class HeartbeatRecordConfiguration : IEntityTypeConfiguration<HeartbeatRecord>
{
    public void Configure(EntityTypeBuilder<HeartbeatRecord> builder)
    {
        builder.ToTable("job_heartbeats");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(h => h.ScheduledFireTime);
    }
}
