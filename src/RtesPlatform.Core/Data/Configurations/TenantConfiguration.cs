using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants", t =>
        {
            t.HasCheckConstraint("ck_tenants_status", "status IN ('active', 'suspended')");
            t.HasCheckConstraint("ck_tenants_origin", "origin IN ('reference', 'synthetic')");
            // A fictitious demonstration member has no official identifier.
            t.HasCheckConstraint("ck_tenants_identifier", "siren IS NOT NULL OR insee_code IS NOT NULL OR origin = 'synthetic'");
        });
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
        // French collation: "CA de La Rochelle" before "CA Mulhouse", "Établissement" among the E.
        builder.Property(t => t.Name).HasMaxLength(200).UseCollation("fr-x-icu");
        builder.Property(t => t.Kind).HasMaxLength(20).HasConversion(
            k => TenantKindLabels.Code(k),
            s => TenantKindLabels.FromCode(s) ?? TenantKind.Other);
        builder.Property(t => t.Status).HasMaxLength(20).HasConversion(
            s => s == TenantStatus.Suspended ? "suspended" : "active",
            s => s == "suspended" ? TenantStatus.Suspended : TenantStatus.Active);
        builder.Property(t => t.Origin).HasMaxLength(20).HasDefaultValueSql("'reference'").HasSentinel(TenantOrigin.Reference).HasConversion(
            o => o == TenantOrigin.Synthetic ? "synthetic" : "reference",
            s => s == "synthetic" ? TenantOrigin.Synthetic : TenantOrigin.Reference);
        builder.Property(t => t.Siren).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(t => t.Siren).IsUnique();
        builder.Property(t => t.InseeCode).HasMaxLength(5);
        builder.HasIndex(t => new { t.Kind, t.InseeCode }).IsUnique();
        builder.Property(t => t.RegionCode).HasMaxLength(3);
        builder.Property(t => t.RegionName).HasMaxLength(100);
        builder.Property(t => t.DepartementCode).HasMaxLength(3);
        builder.Property(t => t.DepartementName).HasMaxLength(100);
        builder.Property(t => t.Address).HasMaxLength(500);
        builder.Property(t => t.AddressSetBy).HasMaxLength(300);
        builder.Property(t => t.CustomHost).HasMaxLength(253);
        builder.HasIndex(t => t.CustomHost).IsUnique();
    }
}
