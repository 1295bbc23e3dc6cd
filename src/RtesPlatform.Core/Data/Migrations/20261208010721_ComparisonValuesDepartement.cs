using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtesPlatform.Core.Data.Migrations
{
    /// <summary>
    /// The map reads <c>comparison_values</c> alone (issue 14): each row carries the member's
    /// département (the tenant's <c>departement_code</c>, null for a région), the refresh fills
    /// it, a change of a tenant's département queues its values like a change of région, and an
    /// index per indicator, end year and département covers the map's aggregate.
    /// </summary>
    public partial class ComparisonValuesDepartement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "departement_code",
                table: "comparison_values",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_comparison_values_indicator_code_end_year_departement_code",
                table: "comparison_values",
                columns: new[] { "indicator_code", "end_year", "departement_code" })
                .Annotation("Npgsql:IndexInclude", new[] { "year", "kind", "public_sees", "network_sees", "per_capita", "value" });


            migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION app.refresh_comparison_values(codes text[], years integer[]) RETURNS integer
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
                        (indicator_code, end_year, member_id, year, value, per_capita, population, public_sees, network_sees, kind, region_code, band, departement_code)
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
                           t.kind, t.region_code, app.population_band(t.population),
                           -- The map's département: the tenant's own, none for a région (it spans several).
                           CASE WHEN t.kind = 'region' THEN NULL ELSE t.departement_code END
                    FROM v
                    JOIN ends e ON e.indicator_code = v.indicator_code AND e.end_year BETWEEN v.year AND v.year + 9
                    JOIN public.tenants t ON t.id = v.tenant_id AND t.status = 'active'
                    JOIN public.indicators i ON i.code = v.indicator_code
                    WHERE (v.is_public AND e.end_year < coalesce(v.next_public, 10000)) OR e.end_year < coalesce(v.next_network, 10000)
                    ORDER BY 1, 2;
                    GET DIAGNOSTICS written = ROW_COUNT;
                    RETURN written;
                END $$;
            CREATE OR REPLACE FUNCTION app.queue_indicator_keys_of_tenant() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.region_code IS DISTINCT FROM OLD.region_code
                       OR NEW.population IS DISTINCT FROM OLD.population OR NEW.status IS DISTINCT FROM OLD.status
                       OR NEW.departement_code IS DISTINCT FROM OLD.departement_code THEN
                        INSERT INTO public.indicator_aggregate_queue (indicator_code, year, queued_at)
                        SELECT DISTINCT v.indicator_code, v.year, now() FROM public.indicator_values v
                        WHERE v.tenant_id = NEW.id
                        ON CONFLICT (indicator_code, year) DO NOTHING;
                    END IF;
                    RETURN NULL;
                END $$;
            -- Fill the new column (the aggregates refresh keeps it current from now on).
            SELECT app.refresh_comparison_values(NULL, NULL);
            """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION app.refresh_comparison_values(codes text[], years integer[]) RETURNS integer
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
            CREATE OR REPLACE FUNCTION app.queue_indicator_keys_of_tenant() RETURNS trigger
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
            """);

            migrationBuilder.DropIndex(
                name: "ix_comparison_values_indicator_code_end_year_departement_code",
                table: "comparison_values");

            migrationBuilder.DropColumn(
                name: "departement_code",
                table: "comparison_values");
        }
    }
}
