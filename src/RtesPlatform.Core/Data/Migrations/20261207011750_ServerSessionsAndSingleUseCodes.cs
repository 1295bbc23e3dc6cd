using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtesPlatform.Core.Data.Migrations
{
    /// <summary>
    /// Server-side sessions (auth_tickets: the cookie carries only a key, sign-out deletes the row)
    /// and single-use authenticator codes (authenticator_uses: the last accepted time step per user).
    /// </summary>
    public partial class ServerSessionsAndSingleUseCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auth_tickets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    value = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_auth_tickets_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authenticator_uses",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_step = table.Column<long>(type: "bigint", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authenticator_uses", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_authenticator_uses_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_auth_tickets_expires_at",
                table: "auth_tickets",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_auth_tickets_user_id",
                table: "auth_tickets",
                column: "user_id");

            // Global tables (a session and an authenticator are a person's, not a tenant's): no
            // row-level security. The application reads, writes and deletes sessions; it only
            // inserts and moves forward the last authenticator step (never deletes it).
            migrationBuilder.Sql("""
                GRANT SELECT, INSERT, UPDATE, DELETE ON auth_tickets TO rtes_app;
                GRANT SELECT, INSERT, UPDATE ON authenticator_uses TO rtes_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auth_tickets");

            migrationBuilder.DropTable(
                name: "authenticator_uses");
        }
    }
}
