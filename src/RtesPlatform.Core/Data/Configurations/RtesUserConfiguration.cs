using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class RtesUserConfiguration : IEntityTypeConfiguration<RtesUser>
{
    public void Configure(EntityTypeBuilder<RtesUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);

        // One account per address (Identity's own email_index is not unique).
        builder.HasIndex(u => u.NormalizedEmail, "ux_asp_net_users_normalized_email").IsUnique()
            .HasDatabaseName("ux_asp_net_users_normalized_email");
    }
}
