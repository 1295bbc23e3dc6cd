using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Review of the indicators migration: the aggregate refresh (a SECURITY DEFINER function) no
/// longer uses a temporary table — the calling role could have created one under the same name
/// in its own temp schema, with triggers that would then run as the owner; the keys are read
/// from the arrays instead. Changing an indicator's per-capita base queues its aggregates.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122100000_HardenAggregates")]
public sealed class HardenAggregates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
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


            CREATE FUNCTION app.queue_indicator_keys_of_indicator() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    IF NEW.per_capita_base IS DISTINCT FROM OLD.per_capita_base THEN
                        INSERT INTO public.indicator_aggregate_queue (indicator_code, year, queued_at)
                        SELECT DISTINCT v.indicator_code, v.year, now() FROM public.indicator_values v
                        WHERE v.indicator_code = NEW.code
                        ON CONFLICT (indicator_code, year) DO NOTHING;
                    END IF;
                    RETURN NULL;
                END $$;
            REVOKE EXECUTE ON FUNCTION app.queue_indicator_keys_of_indicator() FROM PUBLIC;
            CREATE TRIGGER queue_aggregates_indicator AFTER UPDATE OF per_capita_base ON indicators
                FOR EACH ROW EXECUTE FUNCTION app.queue_indicator_keys_of_indicator();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER queue_aggregates_indicator ON indicators;
            DROP FUNCTION app.queue_indicator_keys_of_indicator();
            """);
    }
}
