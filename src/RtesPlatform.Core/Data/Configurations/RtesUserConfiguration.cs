using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class RtesUserConfiguration : IEntityTypeConfiguration<RtesUser>
{
    public void Configure(EntityTypeBuilder<RtesUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(200);
}
