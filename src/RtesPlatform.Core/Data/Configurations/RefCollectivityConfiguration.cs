using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class RefCollectivityConfiguration : IEntityTypeConfiguration<RefCollectivity>
{
    public void Configure(EntityTypeBuilder<RefCollectivity> builder)
    {
        builder.ToTable("ref_collectivities");
        builder.HasKey(r => new { r.Kind, r.Code });
        builder.Property(r => r.Kind).HasMaxLength(20).HasConversion(
            k => k.ToString().ToLowerInvariant(),
            s => Enum.Parse<RefKind>(s, ignoreCase: true));
        builder.Property(r => r.Code).HasMaxLength(9);
        builder.Property(r => r.Siren).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(r => r.Siren);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.DisplayName).HasMaxLength(220);
        builder.Property(r => r.GroupType).HasMaxLength(10);
        builder.Property(r => r.RegionCode).HasMaxLength(3);
        builder.HasIndex(r => r.RegionCode);
        builder.HasIndex(r => r.DepartementCode);
        builder.Property(r => r.DepartementCode).HasMaxLength(3);
    }
}
