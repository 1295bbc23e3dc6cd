using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class FicheDraftConfiguration : IEntityTypeConfiguration<FicheDraft>
{
    public void Configure(EntityTypeBuilder<FicheDraft> builder)
    {
        builder.ToTable("fiche_drafts");
        builder.HasKey(d => d.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Content).AsJsonDocument();
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
    }
}
