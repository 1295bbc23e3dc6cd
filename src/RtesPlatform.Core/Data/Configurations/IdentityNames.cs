using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Core.Data.Configurations;

/// <summary>
/// Identity names its tables and indexes explicitly (AspNetUsers, EmailIndex...), so the snake_case
/// naming convention keeps them: the names the schema has had since the first migration are set here.
/// </summary>
internal static class IdentityNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<RtesUser>(b =>
        {
            b.ToTable("asp_net_users");
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
        });
        builder.Entity<IdentityRole<Guid>>(b =>
        {
            b.ToTable("asp_net_roles");
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index");
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("asp_net_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("asp_net_user_logins");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("asp_net_user_roles");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("asp_net_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("asp_net_role_claims");
    }
}
