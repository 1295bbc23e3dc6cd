using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.ApiTokens;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens", t =>
        {
            t.HasCheckConstraint("ck_api_tokens_secret_hash", "octet_length(secret_hash) = 32");
            t.HasCheckConstraint("ck_api_tokens_prefix", "prefix ~ '^[0-9a-f]{8}$'");
        });
        builder.HasKey(t => new { t.TenantId, t.Id });
        builder.Property(t => t.Name).HasMaxLength(ApiTokens.NameMaxLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiTokenSecrets.PrefixLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(t => t.CreatedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(t => t.RevokedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.CreatedBy);
        builder.HasIndex(t => t.RevokedBy);
    }
}
