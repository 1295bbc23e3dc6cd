using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class AuthTicketConfiguration : IEntityTypeConfiguration<AuthTicket>
{
    public void Configure(EntityTypeBuilder<AuthTicket> builder)
    {
        builder.ToTable("auth_tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.HasIndex(t => t.UserId);
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasOne<RtesUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
