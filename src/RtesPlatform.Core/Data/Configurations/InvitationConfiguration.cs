using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations", t =>
        {
            t.HasCheckConstraint("ck_invitations_role", "role IN ('admin', 'editor')");
            t.HasCheckConstraint("ck_invitations_token_hash", "octet_length(token_hash) = 32");
        });
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Role).HasMaxLength(20);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.CreatedBy);
    }
}
