using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class AuthenticatorUseConfiguration : IEntityTypeConfiguration<AuthenticatorUse>
{
    public void Configure(EntityTypeBuilder<AuthenticatorUse> builder)
    {
        builder.ToTable("authenticator_uses");
        builder.HasKey(u => u.UserId);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
