using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class ComparisonValueConfiguration : IEntityTypeConfiguration<ComparisonValue>
{
    public void Configure(EntityTypeBuilder<ComparisonValue> builder)
    {
        builder.ToTable("comparison_values");
        builder.HasKey(v => new { v.IndicatorCode, v.EndYear, v.MemberId, v.Year });
        builder.Property(v => v.IndicatorCode).HasMaxLength(60);
        builder.Property(v => v.Value).HasColumnType("numeric(20,4)");
        builder.Property(v => v.Kind).HasMaxLength(20);
        builder.Property(v => v.RegionCode).HasMaxLength(3);
        builder.Property(v => v.Band).HasMaxLength(20);
        builder.Property(v => v.DepartementCode).HasMaxLength(3);
        // The map: one indicator and end year grouped by département, read from the index alone.
        builder.HasIndex(v => new { v.IndicatorCode, v.EndYear, v.DepartementCode })
            .IncludeProperties(v => new { v.Year, v.Kind, v.PublicSees, v.NetworkSees, v.PerCapita, v.Value });
    }
}
