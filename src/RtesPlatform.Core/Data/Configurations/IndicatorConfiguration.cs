using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(60);
        builder.Property(i => i.LabelFr).HasMaxLength(200);
        builder.Property(i => i.LabelEn).HasMaxLength(200);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Category).HasMaxLength(20).HasConversion(
            c => c.ToString().ToLowerInvariant(),
            s => Enum.Parse<IndicatorCategory>(s, true));
        builder.Property(i => i.DefaultVisibility).HasMaxLength(10).HasConversion(v => VisibilityConversion.ToColumn(v), s => VisibilityConversion.FromColumn(s));
        builder.Property(i => i.DerivedFrom).HasMaxLength(40);
        builder.Ignore(i => i.CanBeDividedByPopulation);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.HasKey(v => new { v.TenantId, v.IndicatorCode, v.Year });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.IndicatorCode).HasMaxLength(60);
        builder.Property(v => v.Value).HasColumnType("numeric(20,4)");
        builder.Property(v => v.Visibility).HasMaxLength(10).HasConversion(v => VisibilityConversion.ToColumn(v), s => VisibilityConversion.FromColumn(s));
        builder.Property(v => v.Origin).HasMaxLength(10).HasConversion(
            o => o.ToString().ToLowerInvariant(),
            s => Enum.Parse<ValueOrigin>(s, true));
        builder.Property(v => v.SourceTitle).HasMaxLength(300);
        builder.Property(v => v.SourceUrl).HasMaxLength(500);
        builder.Property(v => v.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(v => new { v.IndicatorCode, v.Year });
    }
}

internal sealed class IndicatorAggregateConfiguration : IEntityTypeConfiguration<IndicatorAggregate>
{
    public void Configure(EntityTypeBuilder<IndicatorAggregate> builder)
    {
        builder.ToTable("indicator_aggregates");
        builder.HasKey(a => new { a.IndicatorCode, a.Year, a.Audience, a.GroupKind, a.GroupKey });
        builder.Property(a => a.IndicatorCode).HasMaxLength(60);
        builder.Property(a => a.Audience).HasMaxLength(10);
        builder.Property(a => a.GroupKind).HasMaxLength(20);
        builder.Property(a => a.GroupKey).HasMaxLength(60);
    }
}

internal static class VisibilityConversion
{
    public static string ToColumn(ValueVisibility visibility) => visibility switch
    {
        ValueVisibility.Public => "public",
        ValueVisibility.Network => "network",
        _ => "private",
    };

    public static ValueVisibility FromColumn(string column) => column switch
    {
        "public" => ValueVisibility.Public,
        "network" => ValueVisibility.Network,
        _ => ValueVisibility.Private,
    };
}
