using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// The indicator catalogue, the values per tenant / indicator / year with their visibility, and
/// the pre-computed aggregates (count, quartiles, per inhabitant) the comparisons read.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122040000_Indicators")]
public sealed class Indicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.Sql("""
            -- Network-wide catalogue, managed by network admins (the application checks the role).
            CREATE TABLE indicators (
                code character varying(60) NOT NULL,
                label_fr character varying(200) NOT NULL,
                label_en character varying(200) NOT NULL,
                unit character varying(20) NOT NULL,
                definition text NOT NULL,
                category character varying(20) NOT NULL,
                per_capita_base integer NULL,
                default_visibility character varying(10) NOT NULL,
                derived_from character varying(40) NULL,
                sort_order integer NOT NULL,
                updated_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_indicators PRIMARY KEY (code),
                CONSTRAINT ck_indicators_code CHECK (code ~ '^[a-z][a-z0-9_]{1,59}$'),
                CONSTRAINT ck_indicators_unit CHECK (unit IN ('Count', 'Persons', 'Euros', 'Percent', 'Fte', 'Hours')),
                CONSTRAINT ck_indicators_category CHECK (category IN ('budget', 'moyens', 'emploi', 'tissu', 'clauses', 'autre')),
                CONSTRAINT ck_indicators_per_capita_base CHECK (per_capita_base IN (1, 1000, 10000, 100000)),
                CONSTRAINT ck_indicators_default_visibility CHECK (default_visibility IN ('public', 'network', 'private'))
            );
            GRANT SELECT, INSERT, UPDATE ON indicators TO rtes_app;

            INSERT INTO indicators (code, label_fr, label_en, unit, definition, category, per_capita_base, default_visibility, derived_from, sort_order, updated_at) VALUES
            ('budget_total', 'Budget ESS total', 'Total SSE budget', 'Euros', 'Somme des lignes du budget consacré à l’ESS pour l’année, toutes natures confondues (fonctionnement, investissement, fonds et subventions, conventions, autres).', 'budget', 1, 'public', 'budget:total', 10, now()),
            ('budget_operating', 'Budget ESS – fonctionnement', 'SSE budget – operating', 'Euros', 'Crédits de fonctionnement consacrés à l’ESS pour l’année.', 'budget', 1, 'public', 'budget:Fonctionnement', 20, now()),
            ('budget_investment', 'Budget ESS – investissement', 'SSE budget – investment', 'Euros', 'Crédits d’investissement consacrés à l’ESS pour l’année.', 'budget', 1, 'public', 'budget:Investissement', 30, now()),
            ('budget_grants', 'Fonds à impact et subventions ESS', 'SSE impact fund and grants', 'Euros', 'Fonds d’intervention, fonds à impact et subventions aux structures de l’ESS pour l’année.', 'budget', 1, 'public', 'budget:FondsSubventions', 40, now()),
            ('budget_partnerships', 'Conventions de partenariat ESS', 'SSE partnership agreements', 'Euros', 'Montants des conventions de partenariat avec les têtes de réseau et acteurs de l’ESS pour l’année.', 'budget', 1, 'public', 'budget:ConventionsPartenariat', 50, now()),
            ('staff_fte', 'Agents dédiés à l’ESS', 'SSE staff', 'Fte', 'Agents de la collectivité dédiés à l’ESS, en équivalents temps plein.', 'moyens', 100000, 'public', 'staff', 60, now()),
            ('ess_employees', 'Salariés de l’ESS', 'SSE employees', 'Persons', 'Salariés des établissements employeurs de l’ESS sur le territoire (source habituelle : INSEE Flores, via les CRESS).', 'emploi', 1000, 'public', 'figure', 70, now()),
            ('ess_establishments', 'Établissements de l’ESS', 'SSE establishments', 'Count', 'Établissements employeurs de l’ESS sur le territoire.', 'tissu', 10000, 'public', 'figure', 80, now()),
            ('ess_share_private_jobs', 'Part de l’ESS dans l’emploi privé', 'SSE share of private jobs', 'Percent', 'Salariés de l’ESS rapportés à l’ensemble des salariés du secteur privé du territoire.', 'emploi', NULL, 'public', 'figure', 90, now()),
            ('share_associations', 'Part des salariés de l’ESS employés par des associations', 'Share of SSE employees in associations', 'Percent', 'Part des salariés de l’ESS employés par une association.', 'emploi', NULL, 'public', 'figure', 100, now()),
            ('share_cooperatives', 'Part des salariés de l’ESS employés par des coopératives', 'Share of SSE employees in cooperatives', 'Percent', 'Part des salariés de l’ESS employés par une coopérative.', 'emploi', NULL, 'public', 'figure', 110, now()),
            ('share_mutuals', 'Part des salariés de l’ESS employés par des mutuelles', 'Share of SSE employees in mutuals', 'Percent', 'Part des salariés de l’ESS employés par une mutuelle.', 'emploi', NULL, 'public', 'figure', 120, now()),
            ('share_foundations', 'Part des salariés de l’ESS employés par des fondations', 'Share of SSE employees in foundations', 'Percent', 'Part des salariés de l’ESS employés par une fondation.', 'emploi', NULL, 'public', 'figure', 130, now()),
            ('social_clause_hours', 'Heures d’insertion des clauses sociales', 'Social-clause insertion hours', 'Hours', 'Heures de travail d’insertion réalisées grâce aux clauses sociales des marchés publics dans l’année.', 'clauses', 1000, 'public', 'figure', 140, now()),
            ('social_clause_fte', 'ETP d’insertion des clauses sociales', 'Social-clause FTE', 'Fte', 'Équivalents temps plein d’insertion réalisés grâce aux clauses sociales dans l’année.', 'clauses', 100000, 'public', 'figure', 150, now()),
            ('social_clause_contracts', 'Marchés comportant des clauses sociales', 'Contracts with social clauses', 'Count', 'Marchés publics notifiés dans l’année comportant une clause sociale.', 'clauses', 100000, 'public', 'figure', 160, now()),
            ('social_clause_people', 'Personnes employées grâce aux clauses sociales', 'People employed through social clauses', 'Persons', 'Personnes ayant travaillé dans l’année dans le cadre d’une clause sociale.', 'clauses', 10000, 'public', 'figure', 170, now()),
            ('associations_count', 'Associations employeuses', 'Employing associations', 'Count', 'Associations employant au moins un salarié sur le territoire.', 'tissu', 10000, 'public', 'figure', 180, now()),
            ('scop_count', 'SCOP', 'Worker cooperatives (SCOP)', 'Count', 'Sociétés coopératives et participatives ayant leur siège sur le territoire.', 'tissu', 100000, 'public', 'figure', 190, now()),
            ('scic_count', 'SCIC', 'Multi-stakeholder cooperatives (SCIC)', 'Count', 'Sociétés coopératives d’intérêt collectif ayant leur siège sur le territoire.', 'tissu', 100000, 'public', 'figure', 200, now()),
            ('esus_count', 'Structures agréées ESUS', 'ESUS-certified organisations', 'Count', 'Structures titulaires de l’agrément « entreprise solidaire d’utilité sociale ».', 'tissu', 100000, 'public', 'figure', 210, now());

            -- Tenant-owned: one value per tenant, indicator and year. Values derived from the
            -- published fiche are public like the fiche; values typed in the back office carry the
            -- visibility their tenant chose. Private values are read by their tenant alone, network
            -- values by signed-in members of the network and network admins.
            CREATE TABLE indicator_values (
                tenant_id uuid NOT NULL,
                indicator_code character varying(60) NOT NULL,
                year integer NOT NULL,
                value numeric(20,4) NOT NULL,
                visibility character varying(10) NOT NULL,
                origin character varying(10) NOT NULL,
                source_title character varying(300) NULL,
                source_url character varying(500) NULL,
                fiche_version integer NULL,
                updated_at timestamp with time zone NOT NULL,
                updated_by character varying(200) NULL,
                CONSTRAINT pk_indicator_values PRIMARY KEY (tenant_id, indicator_code, year),
                CONSTRAINT ck_indicator_values_visibility CHECK (visibility IN ('public', 'network', 'private')),
                CONSTRAINT ck_indicator_values_origin CHECK (origin IN ('fiche', 'manual', 'synthetic')),
                CONSTRAINT ck_indicator_values_year CHECK (year BETWEEN 1990 AND 2100),
                CONSTRAINT fk_indicator_values_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_indicator_values_indicators_indicator_code FOREIGN KEY (indicator_code) REFERENCES indicators (code) ON DELETE RESTRICT
            );
            -- One indicator and one year across the network: the live ranking reads this index only.
            CREATE INDEX ix_indicator_values_indicator_code_year ON indicator_values (indicator_code, year)
                INCLUDE (tenant_id, value, visibility);

            -- Whether the signed-in user of the session (app.user_id) belongs to the network: a
            -- member of an active tenant's team, or a network admin. Runs as the owner so that it
            -- can read roles; it reveals one boolean about the session's own user.
            CREATE POLICY owner_read ON tenant_memberships FOR SELECT TO CURRENT_USER USING (true);
            CREATE FUNCTION app.viewer_is_network_member() RETURNS boolean
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    SELECT app.current_user_id() IS NOT NULL AND (
                        EXISTS (SELECT 1 FROM public.tenant_memberships m
                                JOIN public.tenants t ON t.id = m.tenant_id AND t.status = 'active'
                                WHERE m.user_id = app.current_user_id())
                        OR EXISTS (SELECT 1 FROM public.asp_net_user_roles ur
                                   JOIN public.asp_net_roles r ON r.id = ur.role_id
                                   WHERE ur.user_id = app.current_user_id() AND r.normalized_name = 'NETWORKADMIN'))
                $$;
            -- The tenants whose team the session's user belongs to (their private values are theirs).
            CREATE FUNCTION app.viewer_tenant_ids() RETURNS uuid[]
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    SELECT coalesce(array_agg(m.tenant_id), '{}') FROM public.tenant_memberships m
                    WHERE m.user_id = app.current_user_id()
                $$;
            REVOKE EXECUTE ON FUNCTION app.viewer_is_network_member() FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION app.viewer_tenant_ids() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.viewer_is_network_member() TO rtes_app;
            GRANT EXECUTE ON FUNCTION app.viewer_tenant_ids() TO rtes_app;

            -- Whether any tenant holds a value of an indicator (its unit is then locked), private
            -- values included: the catalogue page runs without a tenant and cannot see them.
            CREATE FUNCTION app.indicator_has_values(code text) RETURNS boolean
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$ SELECT EXISTS (SELECT 1 FROM public.indicator_values v WHERE v.indicator_code = $1) $$;
            REVOKE EXECUTE ON FUNCTION app.indicator_has_values(text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.indicator_has_values(text) TO rtes_app;

            ALTER TABLE indicator_values ENABLE ROW LEVEL SECURITY;
            ALTER TABLE indicator_values FORCE ROW LEVEL SECURITY;
            -- The sub-selects run once per statement (init plans), not once per row.
            CREATE POLICY visible_read ON indicator_values FOR SELECT
                USING (visibility = 'public'
                    OR tenant_id = app.current_tenant_id()
                    OR (visibility = 'network' AND (SELECT app.viewer_is_network_member()))
                    OR tenant_id IN (SELECT unnest(app.viewer_tenant_ids())));
            CREATE POLICY tenant_write ON indicator_values FOR ALL
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            -- The owner (aggregate refresh, synthetic network) reads every row.
            CREATE POLICY owner_read ON indicator_values FOR SELECT TO CURRENT_USER USING (true);
            GRANT SELECT, INSERT, UPDATE, DELETE ON indicator_values TO rtes_app;

            -- Population bands of the peer groups.
            CREATE FUNCTION app.population_band(population integer) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT CASE
                    WHEN population IS NULL THEN NULL
                    WHEN population < 10000 THEN 'lt10k'
                    WHEN population < 50000 THEN '10k-50k'
                    WHEN population < 100000 THEN '50k-100k'
                    WHEN population < 250000 THEN '100k-250k'
                    WHEN population < 500000 THEN '250k-500k'
                    ELSE 'gte500k' END $$;
            GRANT EXECUTE ON FUNCTION app.population_band(integer) TO rtes_app;

            -- Pre-computed statistics per indicator, year, audience and peer group. 'public' rows
            -- count public values only; 'network' rows count public and network values. Private
            -- values are never counted. group_kind: all, kind, region, kind_region, kind_band.
            CREATE TABLE indicator_aggregates (
                indicator_code character varying(60) NOT NULL,
                year integer NOT NULL,
                audience character varying(10) NOT NULL,
                group_kind character varying(20) NOT NULL,
                group_key character varying(60) NOT NULL,
                member_count integer NOT NULL,
                total double precision NOT NULL,
                min double precision NOT NULL,
                q1 double precision NOT NULL,
                median double precision NOT NULL,
                q3 double precision NOT NULL,
                max double precision NOT NULL,
                per_capita_count integer NOT NULL,
                population bigint NOT NULL,
                per_capita_min double precision NULL,
                per_capita_q1 double precision NULL,
                per_capita_median double precision NULL,
                per_capita_q3 double precision NULL,
                per_capita_max double precision NULL,
                refreshed_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_indicator_aggregates PRIMARY KEY (indicator_code, year, audience, group_kind, group_key),
                CONSTRAINT ck_indicator_aggregates_audience CHECK (audience IN ('public', 'network'))
            );
            ALTER TABLE indicator_aggregates ENABLE ROW LEVEL SECURITY;
            ALTER TABLE indicator_aggregates FORCE ROW LEVEL SECURITY;
            CREATE POLICY audience_read ON indicator_aggregates FOR SELECT
                USING (audience = 'public' OR (SELECT app.viewer_is_network_member()));
            CREATE POLICY owner_all ON indicator_aggregates FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
            GRANT SELECT ON indicator_aggregates TO rtes_app;

            -- (indicator, year) pairs whose aggregates are stale. Filled by triggers on every write
            -- of values or change of a tenant's kind, région, population or status, in the same
            -- transaction; drained by app.refresh_pending_indicator_aggregates().
            CREATE TABLE indicator_aggregate_queue (
                indicator_code character varying(60) NOT NULL,
                year integer NOT NULL,
                queued_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_indicator_aggregate_queue PRIMARY KEY (indicator_code, year)
            );

            CREATE FUNCTION app.queue_indicator_keys_from_rows() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    INSERT INTO public.indicator_aggregate_queue (indicator_code, year, queued_at)
                    SELECT DISTINCT r.indicator_code, r.year, now() FROM changed_rows r
                    ON CONFLICT (indicator_code, year) DO NOTHING;
                    RETURN NULL;
                END $$;
            CREATE TRIGGER queue_aggregates_insert AFTER INSERT ON indicator_values
                REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.queue_indicator_keys_from_rows();
            CREATE TRIGGER queue_aggregates_update_new AFTER UPDATE ON indicator_values
                REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.queue_indicator_keys_from_rows();
            CREATE TRIGGER queue_aggregates_delete AFTER DELETE ON indicator_values
                REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.queue_indicator_keys_from_rows();

            CREATE FUNCTION app.queue_indicator_keys_of_tenant() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.region_code IS DISTINCT FROM OLD.region_code
                       OR NEW.population IS DISTINCT FROM OLD.population OR NEW.status IS DISTINCT FROM OLD.status THEN
                        INSERT INTO public.indicator_aggregate_queue (indicator_code, year, queued_at)
                        SELECT DISTINCT v.indicator_code, v.year, now() FROM public.indicator_values v
                        WHERE v.tenant_id = NEW.id
                        ON CONFLICT (indicator_code, year) DO NOTHING;
                    END IF;
                    RETURN NULL;
                END $$;
            CREATE TRIGGER queue_aggregates_tenant AFTER UPDATE ON tenants
                FOR EACH ROW EXECUTE FUNCTION app.queue_indicator_keys_of_tenant();

            -- Recomputes the aggregates of the given (indicator, year) pairs, or of every pair when
            -- both arrays are NULL. Quartiles: percentile_cont (linear interpolation); one sorted
            -- pass per audience and metric gives min, Q1, median, Q3 and max at once, and the
            -- public audience is the same pass filtered (FILTER), not a second copy of the rows.
            CREATE FUNCTION app.refresh_indicator_aggregates(codes text[], years integer[]) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                SET work_mem = '64MB'
                AS $$
                DECLARE
                    written integer;
                BEGIN
                    CREATE TEMP TABLE IF NOT EXISTS refresh_keys (indicator_code text, year integer) ON COMMIT DROP;
                    TRUNCATE refresh_keys;
                    IF codes IS NULL THEN
                        INSERT INTO refresh_keys SELECT DISTINCT v.indicator_code, v.year FROM public.indicator_values v;
                        DELETE FROM public.indicator_aggregates;
                    ELSE
                        INSERT INTO refresh_keys SELECT DISTINCT k.c, k.y FROM unnest(codes, years) AS k(c, y);
                        DELETE FROM public.indicator_aggregates a USING refresh_keys k
                        WHERE a.indicator_code = k.indicator_code AND a.year = k.year;
                    END IF;
                    -- Without statistics the planner would merge-join the keys with the whole index.
                    ANALYZE refresh_keys;

                    INSERT INTO public.indicator_aggregates
                    WITH base AS (
                        SELECT v.indicator_code, v.year, v.visibility = 'public' AS is_public, v.value::float8 AS value,
                               t.kind, coalesce(t.region_code, '') AS region_code,
                               coalesce(app.population_band(t.population), '') AS band,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0 THEN t.population END AS population,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0
                                    THEN v.value::float8 * i.per_capita_base / t.population END AS per_capita
                        FROM refresh_keys k
                        JOIN public.indicator_values v ON v.indicator_code = k.indicator_code AND v.year = k.year
                        JOIN public.tenants t ON t.id = v.tenant_id AND t.status = 'active'
                        JOIN public.indicators i ON i.code = v.indicator_code
                        WHERE v.visibility IN ('public', 'network')
                    ), grouped AS (
                        SELECT b.indicator_code, b.year,
                               CASE WHEN GROUPING(b.kind) = 0 AND GROUPING(b.region_code) = 0 THEN 'kind_region'
                                    WHEN GROUPING(b.kind) = 0 AND GROUPING(b.band) = 0 THEN 'kind_band'
                                    WHEN GROUPING(b.kind) = 0 THEN 'kind'
                                    WHEN GROUPING(b.region_code) = 0 THEN 'region'
                                    ELSE 'all' END AS group_kind,
                               concat_ws('|',
                                   CASE WHEN GROUPING(b.kind) = 0 THEN b.kind END,
                                   CASE WHEN GROUPING(b.region_code) = 0 THEN b.region_code END,
                                   CASE WHEN GROUPING(b.band) = 0 THEN b.band END) AS group_key,
                               count(*) FILTER (WHERE b.is_public)::integer AS public_count,
                               count(*)::integer AS network_count,
                               sum(b.value) FILTER (WHERE b.is_public) AS public_total,
                               sum(b.value) AS network_total,
                               percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY b.value) FILTER (WHERE b.is_public) AS public_q,
                               percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY b.value) AS network_q,
                               count(b.per_capita) FILTER (WHERE b.is_public)::integer AS public_pc_count,
                               count(b.per_capita)::integer AS network_pc_count,
                               coalesce(sum(b.population) FILTER (WHERE b.is_public), 0)::bigint AS public_population,
                               coalesce(sum(b.population), 0)::bigint AS network_population,
                               percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY b.per_capita) FILTER (WHERE b.is_public) AS public_pc,
                               percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY b.per_capita) AS network_pc
                        FROM base b
                        GROUP BY b.indicator_code, b.year,
                            GROUPING SETS ((), (b.kind), (b.region_code), (b.kind, b.region_code), (b.kind, b.band))
                    )
                    SELECT g.indicator_code, g.year, a.audience, g.group_kind, g.group_key,
                           a.n, a.total, a.q[1], a.q[2], a.q[3], a.q[4], a.q[5],
                           a.pc_n, a.population, a.pc[1], a.pc[2], a.pc[3], a.pc[4], a.pc[5],
                           now()
                    FROM grouped g
                    CROSS JOIN LATERAL (VALUES
                        ('public', g.public_count, g.public_total, g.public_q, g.public_pc_count, g.public_population, g.public_pc),
                        ('network', g.network_count, g.network_total, g.network_q, g.network_pc_count, g.network_population, g.network_pc)
                    ) AS a(audience, n, total, q, pc_n, population, pc)
                    WHERE a.n > 0;
                    GET DIAGNOSTICS written = ROW_COUNT;
                    RETURN written;
                END $$;

            -- Drains the queue (one caller at a time across every instance; others skip) and
            -- refreshes what it held, in the caller's transaction. Returns the number of pairs.
            CREATE FUNCTION app.refresh_pending_indicator_aggregates() RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                DECLARE
                    pending_codes text[];
                    pending_years integer[];
                BEGIN
                    IF NOT pg_try_advisory_xact_lock(hashtext('rtes.indicator_aggregates')) THEN
                        RETURN 0;
                    END IF;
                    WITH drained AS (DELETE FROM public.indicator_aggregate_queue RETURNING indicator_code, year)
                    SELECT array_agg(indicator_code::text), array_agg(year) INTO pending_codes, pending_years FROM drained;
                    IF pending_codes IS NULL THEN
                        RETURN 0;
                    END IF;
                    PERFORM app.refresh_indicator_aggregates(pending_codes, pending_years);
                    RETURN cardinality(pending_codes);
                END $$;
            REVOKE EXECUTE ON FUNCTION app.refresh_indicator_aggregates(text[], integer[]) FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION app.refresh_pending_indicator_aggregates() FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION app.queue_indicator_keys_from_rows() FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION app.queue_indicator_keys_of_tenant() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.refresh_indicator_aggregates(text[], integer[]) TO rtes_app;
            GRANT EXECUTE ON FUNCTION app.refresh_pending_indicator_aggregates() TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION app.refresh_pending_indicator_aggregates();
            DROP FUNCTION app.refresh_indicator_aggregates(text[], integer[]);
            DROP TRIGGER queue_aggregates_tenant ON tenants;
            DROP FUNCTION app.queue_indicator_keys_of_tenant();
            DROP TABLE indicator_aggregate_queue;
            DROP FUNCTION app.queue_indicator_keys_from_rows();
            DROP TABLE indicator_aggregates;
            DROP FUNCTION app.population_band(integer);
            DROP TABLE indicator_values;
            DROP FUNCTION app.indicator_has_values(text);
            DROP FUNCTION app.viewer_tenant_ids();
            DROP FUNCTION app.viewer_is_network_member();
            DROP POLICY owner_read ON tenant_memberships;
            DROP TABLE indicators;
            """);
    }
}
