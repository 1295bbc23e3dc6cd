using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class OpenDataFileConfiguration : IEntityTypeConfiguration<OpenDataFile>
{
    public void Configure(EntityTypeBuilder<OpenDataFile> builder)
    {
        builder.ToTable("open_data_files");
        builder.HasKey(f => new { f.SetName, f.Format });
        builder.Property(f => f.SetName).HasMaxLength(40);
        builder.Property(f => f.Format).HasMaxLength(10);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}
