using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Carries the first model snapshot (in its Designer file) and changes nothing: the schema it
/// describes was created by the hand-written migrations before it. From here on, migrations are
/// generated with <c>dotnet ef migrations add</c> (docs/adr/0007-generated-migrations.md).
/// </summary>
public partial class Baseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
