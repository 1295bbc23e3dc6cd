using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Tenants, reference data, themes and the fiche tables, with row-level security on every
/// tenant-owned table. Written by hand (see docs/adr/0004-hand-written-migrations.md); the
/// schema-drift test checks it against the EF Core model.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.Sql("""
            CREATE SCHEMA IF NOT EXISTS app;
            GRANT USAGE ON SCHEMA app TO rtes_app;
            -- The readiness check compares applied migrations with the assembly's.
            GRANT SELECT ON "__EFMigrationsHistory" TO rtes_app;

            -- The tenant of the database session, set by the application for tenant-private access.
            -- NULLIF: once a session has set the variable, an unset value reads as '' (not NULL).
            CREATE FUNCTION app.current_tenant_id() RETURNS uuid
                LANGUAGE sql STABLE PARALLEL SAFE
                AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

            CREATE TABLE tenants (
                id uuid NOT NULL,
                slug character varying(80) NOT NULL,
                name character varying(200) COLLATE "fr-x-icu" NOT NULL,
                kind character varying(20) NOT NULL,
                siren character(9) NULL,
                insee_code character varying(5) NULL,
                population integer NULL,
                population_vintage integer NULL,
                region_code character varying(3) NULL,
                region_name character varying(100) NULL,
                departement_code character varying(3) NULL,
                departement_name character varying(100) NULL,
                address character varying(500) NULL,
                membership_year integer NULL,
                status character varying(20) NOT NULL,
                custom_host character varying(253) NULL,
                created_at timestamp with time zone NOT NULL,
                published_version integer NULL,
                published_at timestamp with time zone NULL,
                CONSTRAINT pk_tenants PRIMARY KEY (id),
                CONSTRAINT ck_tenants_status CHECK (status IN ('active', 'suspended')),
                CONSTRAINT ck_tenants_identifier CHECK (siren IS NOT NULL OR insee_code IS NOT NULL)
            );
            CREATE UNIQUE INDEX ix_tenants_slug ON tenants (slug);
            CREATE UNIQUE INDEX ix_tenants_siren ON tenants (siren);
            -- Région 44 (Grand Est) and département 44 (Loire-Atlantique) share a code: unique per kind.
            CREATE UNIQUE INDEX ix_tenants_kind_insee_code ON tenants (kind, insee_code);
            CREATE UNIQUE INDEX ix_tenants_custom_host ON tenants (custom_host);
            GRANT SELECT, INSERT, UPDATE ON tenants TO rtes_app;

            CREATE TABLE ref_collectivities (
                kind character varying(20) NOT NULL,
                code character varying(9) NOT NULL,
                siren character(9) NULL,
                name character varying(200) NOT NULL,
                display_name character varying(220) NOT NULL,
                group_type character varying(10) NULL,
                population integer NULL,
                region_code character varying(3) NULL,
                departement_code character varying(3) NULL,
                postal_codes text[] NOT NULL,
                member_codes text[] NOT NULL,
                vintage integer NOT NULL,
                CONSTRAINT pk_ref_collectivities PRIMARY KEY (kind, code)
            );
            CREATE INDEX ix_ref_collectivities_siren ON ref_collectivities (siren);
            CREATE INDEX ix_ref_collectivities_departement_code ON ref_collectivities (departement_code);
            CREATE INDEX ix_ref_collectivities_region_code ON ref_collectivities (region_code);
            GRANT SELECT ON ref_collectivities TO rtes_app;

            CREATE TABLE reference_data_loads (
                id integer GENERATED ALWAYS AS IDENTITY,
                package_version character varying(40) NOT NULL,
                vintage integer NOT NULL,
                row_count integer NOT NULL,
                loaded_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_reference_data_loads PRIMARY KEY (id)
            );
            GRANT SELECT ON reference_data_loads TO rtes_app;

            CREATE TABLE themes (
                code character varying(40) NOT NULL,
                label_fr character varying(120) NOT NULL,
                label_en character varying(120) NOT NULL,
                sort_order integer NOT NULL,
                CONSTRAINT pk_themes PRIMARY KEY (code)
            );
            GRANT SELECT ON themes TO rtes_app;
            INSERT INTO themes (code, label_fr, label_en, sort_order) VALUES
                ('commande-publique', 'Commande publique responsable et clauses sociales', 'Responsible public procurement and social clauses', 1),
                ('iae', 'Insertion par l’activité économique', 'Work integration social enterprises', 2),
                ('tiers-lieux', 'Tiers-lieux', 'Third places', 3),
                ('reemploi-economie-circulaire', 'Réemploi et économie circulaire', 'Reuse and circular economy', 4),
                ('mobilites-douces', 'Mobilités douces', 'Active mobility', 5),
                ('habitat-participatif', 'Habitat participatif', 'Participatory housing', 6),
                ('finance-solidaire', 'Finance solidaire', 'Solidarity finance', 7),
                ('alimentation', 'Alimentation', 'Food', 8),
                ('culture', 'Culture', 'Culture', 9),
                ('jeunesse-entrepreneuriat', 'Jeunesse et entrepreneuriat', 'Youth and entrepreneurship', 10),
                ('cooperation-ptce', 'Coopération et PTCE', 'Cooperation and territorial economic cooperation hubs (PTCE)', 11);

            -- Tenant-private: the working copy of each fiche.
            CREATE TABLE fiche_drafts (
                tenant_id uuid NOT NULL,
                content jsonb NOT NULL,
                updated_at timestamp with time zone NOT NULL,
                updated_by character varying(200) NULL,
                revision integer NOT NULL,
                CONSTRAINT pk_fiche_drafts PRIMARY KEY (tenant_id),
                CONSTRAINT fk_fiche_drafts_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            ALTER TABLE fiche_drafts ENABLE ROW LEVEL SECURITY;
            ALTER TABLE fiche_drafts FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON fiche_drafts
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            GRANT SELECT, INSERT, UPDATE, DELETE ON fiche_drafts TO rtes_app;

            -- Published versions: immutable (no UPDATE or DELETE granted, no policy for them).
            -- Anyone may read the version a live tenant currently publishes; the tenant reads its history.
            CREATE TABLE fiche_versions (
                tenant_id uuid NOT NULL,
                number integer NOT NULL,
                content jsonb NOT NULL,
                theme_codes text[] NOT NULL,
                published_at timestamp with time zone NOT NULL,
                published_by character varying(200) NULL,
                CONSTRAINT pk_fiche_versions PRIMARY KEY (tenant_id, number),
                CONSTRAINT fk_fiche_versions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_fiche_versions_theme_codes ON fiche_versions USING gin (theme_codes);
            ALTER TABLE fiche_versions ENABLE ROW LEVEL SECURITY;
            ALTER TABLE fiche_versions FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_read ON fiche_versions FOR SELECT
                USING (tenant_id = app.current_tenant_id()
                    OR EXISTS (SELECT 1 FROM tenants t
                               WHERE t.id = fiche_versions.tenant_id
                                 AND t.published_version = fiche_versions.number
                                 AND t.status = 'active'));
            CREATE POLICY tenant_insert ON fiche_versions FOR INSERT
                WITH CHECK (tenant_id = app.current_tenant_id());
            GRANT SELECT, INSERT ON fiche_versions TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TABLE fiche_versions;
            DROP TABLE fiche_drafts;
            DROP TABLE themes;
            DROP TABLE reference_data_loads;
            DROP TABLE ref_collectivities;
            DROP TABLE tenants;
            DROP FUNCTION app.current_tenant_id();
            DROP SCHEMA app;
            """);
    }
}
