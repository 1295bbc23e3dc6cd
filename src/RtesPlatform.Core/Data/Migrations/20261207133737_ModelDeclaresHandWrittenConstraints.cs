using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Carries, in its Designer file, what the hand-written migrations created in SQL and the model did
/// not declare: the 21 check constraints (ck_*), the unique index on asp_net_users.normalized_email
/// and the INCLUDE columns of ix_indicator_values_indicator_code_year. It changes nothing: every
/// database already has them (SchemaConstraintTests compares the migrated schema with the model).
/// </summary>
public partial class ModelDeclaresHandWrittenConstraints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
