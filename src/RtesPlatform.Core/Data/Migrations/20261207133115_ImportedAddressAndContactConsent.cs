using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtesPlatform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedAddressAndContactConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "address_set_by",
                table: "tenants",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Contact consent becomes three-state (ContactConsent): "consentToPublish": true → "Given",
            // false → "Unknown" (an unticked box recorded no refusal). Contacts of drafts last written
            // by the legacy importer were marked consenting by it without anyone asking: "Unknown".
            // Published versions are rewritten in representation only (same meaning); the tables
            // force row-level security, lifted for the owner for this one statement each.
            migrationBuilder.Sql(ConvertConsent("fiche_drafts", "CASE WHEN d.updated_by LIKE 'import:%' THEN 'Unknown' "
                + "WHEN c->>'consentToPublish' = 'true' THEN 'Given' ELSE 'Unknown' END"));
            migrationBuilder.Sql(ConvertConsent("fiche_versions", "CASE WHEN c->>'consentToPublish' = 'true' THEN 'Given' ELSE 'Unknown' END"));
        }

        private static string ConvertConsent(string table, string consent) => $$"""
            ALTER TABLE {{table}} NO FORCE ROW LEVEL SECURITY;
            UPDATE {{table}} d
               SET content = jsonb_set(d.content, '{contacts}', (
                   SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(c) = 'object'
                                                  THEN (c - 'consentToPublish') || jsonb_build_object('consent', {{consent}})
                                                  ELSE c END ORDER BY n), '[]'::jsonb)
                     FROM jsonb_array_elements(d.content -> 'contacts') WITH ORDINALITY AS e(c, n)))
             WHERE jsonb_typeof(d.content -> 'contacts') = 'array' AND jsonb_array_length(d.content -> 'contacts') > 0;
            ALTER TABLE {{table}} FORCE ROW LEVEL SECURITY;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RevertConsent("fiche_drafts"));
            migrationBuilder.Sql(RevertConsent("fiche_versions"));
            migrationBuilder.DropColumn(
                name: "address_set_by",
                table: "tenants");
        }

        private static string RevertConsent(string table) => $$"""
            ALTER TABLE {{table}} NO FORCE ROW LEVEL SECURITY;
            UPDATE {{table}} d
               SET content = jsonb_set(d.content, '{contacts}', (
                   SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(c) = 'object'
                                                  THEN (c - 'consent') || jsonb_build_object('consentToPublish', c->>'consent' = 'Given')
                                                  ELSE c END ORDER BY n), '[]'::jsonb)
                     FROM jsonb_array_elements(d.content -> 'contacts') WITH ORDINALITY AS e(c, n)))
             WHERE jsonb_typeof(d.content -> 'contacts') = 'array' AND jsonb_array_length(d.content -> 'contacts') > 0;
            ALTER TABLE {{table}} FORCE ROW LEVEL SECURITY;
            """;
    }
}
