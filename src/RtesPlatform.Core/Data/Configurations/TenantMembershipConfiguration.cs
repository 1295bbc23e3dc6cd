using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class TenantMembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> builder)
    {
        builder.ToTable("tenant_memberships", t =>
        {
            t.HasCheckConstraint("ck_tenant_memberships_role", "role IN ('admin', 'editor')");
        });
        builder.HasKey(m => new { m.TenantId, m.UserId });
        builder.Property(m => m.Role).HasMaxLength(20);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
