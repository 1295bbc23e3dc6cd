using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class ReferenceDataLoadConfiguration : IEntityTypeConfiguration<ReferenceDataLoad>
{
    public void Configure(EntityTypeBuilder<ReferenceDataLoad> builder)
    {
        builder.ToTable("reference_data_loads");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).UseIdentityAlwaysColumn();
        builder.Property(l => l.PackageVersion).HasMaxLength(40);
    }
}
