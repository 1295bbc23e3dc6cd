using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators", t =>
        {
            t.HasCheckConstraint("ck_indicators_code", "code ~ '^[a-z][a-z0-9_]{1,59}$'");
            t.HasCheckConstraint("ck_indicators_unit", "unit IN ('Count', 'Persons', 'Euros', 'Percent', 'Fte', 'Hours')");
            t.HasCheckConstraint("ck_indicators_category", "category IN ('budget', 'moyens', 'emploi', 'tissu', 'clauses', 'autre')");
            t.HasCheckConstraint("ck_indicators_per_capita_base", "per_capita_base IN (1, 1000, 10000, 100000)");
            t.HasCheckConstraint("ck_indicators_default_visibility", "default_visibility IN ('public', 'network', 'private')");
        });
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
        builder.ToTable("indicator_values", t =>
        {
            t.HasCheckConstraint("ck_indicator_values_visibility", "visibility IN ('public', 'network', 'private')");
            t.HasCheckConstraint("ck_indicator_values_origin", "origin IN ('fiche', 'manual', 'synthetic')");
            t.HasCheckConstraint("ck_indicator_values_year", "year BETWEEN 1990 AND 2100");
        });
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
        // Covering: the live ranking of one indicator and one year across the network reads this index only.
        builder.HasIndex(v => new { v.IndicatorCode, v.Year }).IncludeProperties(v => new { v.TenantId, v.Value, v.Visibility });
    }
}

internal sealed class IndicatorAggregateConfiguration : IEntityTypeConfiguration<IndicatorAggregate>
{
    public void Configure(EntityTypeBuilder<IndicatorAggregate> builder)
    {
        builder.ToTable("indicator_aggregates", t =>
        {
            t.HasCheckConstraint("ck_indicator_aggregates_audience", "audience IN ('public', 'network')");
        });
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
