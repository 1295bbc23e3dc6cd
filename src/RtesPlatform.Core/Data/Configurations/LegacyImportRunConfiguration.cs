using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.LegacyImport.Runs;

namespace RtesPlatform.Core.Data.Configurations;

internal sealed class LegacyImportRunConfiguration : IEntityTypeConfiguration<LegacyImportRun>
{
    public void Configure(EntityTypeBuilder<LegacyImportRun> builder)
    {
        builder.ToTable("legacy_import_runs", t =>
        {
            t.HasCheckConstraint("ck_legacy_import_runs_status", "status IN ('queued', 'running', 'succeeded', 'failed')");
            t.HasCheckConstraint("ck_legacy_import_runs_done", "done >= 0 AND (total IS NULL OR done <= total)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Collectivity).HasMaxLength(40);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.Report).HasColumnType("jsonb");
        builder.HasIndex(r => r.RequestedAt);
    }
}
