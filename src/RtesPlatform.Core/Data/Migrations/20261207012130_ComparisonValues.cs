using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtesPlatform.Core.Data.Migrations
{
    /// <summary>
    /// The latest available value of each member per indicator and end year (issue 14): the table
    /// <c>comparison_values</c>, its refresh function, called by the aggregates refresh in the
    /// same transaction, and a first fill.
    /// </summary>
    public partial class ComparisonValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comparison_values",
                columns: table => new
                {
                    indicator_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    end_year = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,4)", nullable: false),
                    per_capita = table.Column<double>(type: "double precision", nullable: true),
                    population = table.Column<int>(type: "integer", nullable: true),
                    public_sees = table.Column<bool>(type: "boolean", nullable: false),
                    network_sees = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_values", x => new { x.indicator_code, x.end_year, x.member_id, x.year });
                });

            migrationBuilder.Sql("""
            -- A derived read model (no tenant_id: not tenant-owned), readable by audience like
            -- indicator_aggregates: rows the public sees, and the network's own rows for members.
            ALTER TABLE comparison_values ENABLE ROW LEVEL SECURITY;
            ALTER TABLE comparison_values FORCE ROW LEVEL SECURITY;
            CREATE POLICY audience_read ON comparison_values FOR SELECT
                USING (public_sees OR (SELECT app.viewer_is_network_member()));
            CREATE POLICY owner_all ON comparison_values FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
            GRANT SELECT ON comparison_values TO rtes_app;

            -- Recomputes the comparison values of the end years a change of (indicator, year)
            -- pairs can reach: for each indicator, every end year from its earliest changed year
            -- to its latest changed year + 9 (a value is the latest available for at most ten
            -- end years). A member's row for end year E is its most recent value in [E - 9, E]:
            -- the one whose next value (for that audience) comes after E. End years are the years
            -- in which the indicator has a public or network value.
            CREATE FUNCTION app.refresh_comparison_values(codes text[], years integer[]) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                SET work_mem = '64MB'
                AS $$
                DECLARE
                    written integer;
                BEGIN
                    IF codes IS NULL THEN
                        SELECT array_agg(i.code::text), array_agg(b.y) INTO codes, years
                        FROM public.indicators i CROSS JOIN (VALUES (1990), (2100)) AS b(y);
                        IF codes IS NULL THEN
                            RETURN 0;
                        END IF;
                    END IF;

                    DELETE FROM public.comparison_values c
                    USING (SELECT k.c, min(k.y) AS lo, max(k.y) + 9 AS hi FROM unnest(codes, years) AS k(c, y) GROUP BY k.c) AS s
                    WHERE c.indicator_code = s.c AND c.end_year BETWEEN s.lo AND s.hi;

                    INSERT INTO public.comparison_values
                        (indicator_code, end_year, member_id, year, value, per_capita, population, public_sees, network_sees, kind, region_code, band)
                    WITH span AS (
                        SELECT k.c AS indicator_code, min(k.y) AS lo, max(k.y) + 9 AS hi
                        FROM unnest(codes, years) AS k(c, y) GROUP BY k.c
                    ), v AS (
                        SELECT s.lo, s.hi, x.indicator_code, x.tenant_id, x.year, x.value, x.visibility = 'public' AS is_public,
                               min(x.year) OVER w AS next_network,
                               min(x.year) FILTER (WHERE x.visibility = 'public') OVER w AS next_public
                        FROM span s
                        JOIN public.indicator_values x ON x.indicator_code = s.indicator_code AND x.year BETWEEN s.lo - 9 AND s.hi
                        WHERE x.visibility IN ('public', 'network')
                        WINDOW w AS (PARTITION BY x.tenant_id, x.indicator_code ORDER BY x.year ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
                    ), ends AS (
                        SELECT DISTINCT v.indicator_code, v.year AS end_year FROM v WHERE v.year BETWEEN v.lo AND v.hi
                    )
                    SELECT v.indicator_code, e.end_year, v.tenant_id, v.year, v.value,
                           CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0
                                THEN v.value::float8 * i.per_capita_base / t.population END,
                           t.population,
                           v.is_public AND e.end_year < coalesce(v.next_public, 10000),
                           e.end_year < coalesce(v.next_network, 10000),
                           t.kind, t.region_code, app.population_band(t.population)
                    FROM v
                    JOIN ends e ON e.indicator_code = v.indicator_code AND e.end_year BETWEEN v.year AND v.year + 9
                    JOIN public.tenants t ON t.id = v.tenant_id AND t.status = 'active'
                    JOIN public.indicators i ON i.code = v.indicator_code
                    WHERE (v.is_public AND e.end_year < coalesce(v.next_public, 10000)) OR e.end_year < coalesce(v.next_network, 10000)
                    ORDER BY 1, 2;
                    GET DIAGNOSTICS written = ROW_COUNT;
                    RETURN written;
                END $$;
            REVOKE EXECUTE ON FUNCTION app.refresh_comparison_values(text[], integer[]) FROM PUBLIC;

            CREATE OR REPLACE FUNCTION app.refresh_indicator_aggregates(codes text[], years integer[]) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                SET work_mem = '64MB'
                AS $$
                DECLARE
                    written integer;
                    everything boolean := codes IS NULL;
                BEGIN
                    IF codes IS NULL THEN
                        SELECT array_agg(k.indicator_code::text), array_agg(k.year) INTO codes, years
                        FROM (SELECT DISTINCT v.indicator_code, v.year FROM public.indicator_values v) AS k;
                        DELETE FROM public.indicator_aggregates;
                        IF codes IS NULL THEN
                            RETURN 0;
                        END IF;
                    ELSE
                        DELETE FROM public.indicator_aggregates a USING unnest(codes, years) AS k(c, y)
                        WHERE a.indicator_code = k.c AND a.year = k.y;
                    END IF;

                    INSERT INTO public.indicator_aggregates
                    WITH base AS (
                        SELECT v.indicator_code, v.year, v.visibility = 'public' AS is_public, v.value::float8 AS value,
                               t.kind, coalesce(t.region_code, '') AS region_code,
                               coalesce(app.population_band(t.population), '') AS band,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0 THEN t.population END AS population,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0
                                    THEN v.value::float8 * i.per_capita_base / t.population END AS per_capita
                        FROM (SELECT DISTINCT c, y FROM unnest(codes, years) AS u(c, y)) AS k(indicator_code, year)
                        -- One index range per (indicator, year): a nested loop, never a scan of the whole index.
                        CROSS JOIN LATERAL (SELECT * FROM public.indicator_values iv
                                            WHERE iv.indicator_code = k.indicator_code AND iv.year = k.year) AS v
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
                    -- The latest available values, in the same transaction as the aggregates.
                    PERFORM app.refresh_comparison_values(CASE WHEN everything THEN NULL ELSE codes END, years);
                    RETURN written;
                END $$;

            -- Fill the table once (the aggregates refresh keeps it current from now on).
            SELECT app.refresh_comparison_values(NULL, NULL);
            """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION app.refresh_indicator_aggregates(codes text[], years integer[]) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                SET work_mem = '64MB'
                AS $$
                DECLARE
                    written integer;
                BEGIN
                    IF codes IS NULL THEN
                        SELECT array_agg(k.indicator_code::text), array_agg(k.year) INTO codes, years
                        FROM (SELECT DISTINCT v.indicator_code, v.year FROM public.indicator_values v) AS k;
                        DELETE FROM public.indicator_aggregates;
                        IF codes IS NULL THEN
                            RETURN 0;
                        END IF;
                    ELSE
                        DELETE FROM public.indicator_aggregates a USING unnest(codes, years) AS k(c, y)
                        WHERE a.indicator_code = k.c AND a.year = k.y;
                    END IF;

                    INSERT INTO public.indicator_aggregates
                    WITH base AS (
                        SELECT v.indicator_code, v.year, v.visibility = 'public' AS is_public, v.value::float8 AS value,
                               t.kind, coalesce(t.region_code, '') AS region_code,
                               coalesce(app.population_band(t.population), '') AS band,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0 THEN t.population END AS population,
                               CASE WHEN i.per_capita_base IS NOT NULL AND t.population > 0
                                    THEN v.value::float8 * i.per_capita_base / t.population END AS per_capita
                        FROM (SELECT DISTINCT c, y FROM unnest(codes, years) AS u(c, y)) AS k(indicator_code, year)
                        -- One index range per (indicator, year): a nested loop, never a scan of the whole index.
                        CROSS JOIN LATERAL (SELECT * FROM public.indicator_values iv
                                            WHERE iv.indicator_code = k.indicator_code AND iv.year = k.year) AS v
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

            DROP FUNCTION app.refresh_comparison_values(text[], integer[]);
            """);
            migrationBuilder.DropTable(
                name: "comparison_values");
        }
    }
}
