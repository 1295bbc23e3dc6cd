using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtesPlatform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FictitiousDemoMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tenants_identifier",
                table: "tenants");

            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "tenants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValueSql: "'reference'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tenants_identifier",
                table: "tenants",
                sql: "siren IS NOT NULL OR insee_code IS NOT NULL OR origin = 'synthetic'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tenants_origin",
                table: "tenants",
                sql: "origin IN ('reference', 'synthetic')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tenants_identifier",
                table: "tenants");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tenants_origin",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "tenants");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tenants_identifier",
                table: "tenants",
                sql: "siren IS NOT NULL OR insee_code IS NOT NULL");
        }
    }
}
