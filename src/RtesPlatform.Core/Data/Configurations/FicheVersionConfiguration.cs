using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class FicheVersionConfiguration : IEntityTypeConfiguration<FicheVersion>
{
    public void Configure(EntityTypeBuilder<FicheVersion> builder)
    {
        builder.ToTable("fiche_versions");
        builder.HasKey(v => new { v.TenantId, v.Number });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Content).AsJsonDocument();
        builder.Property(v => v.ThemeCodes).HasColumnType("text[]");
        builder.HasIndex(v => v.ThemeCodes).HasMethod("gin");
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
    }
}
