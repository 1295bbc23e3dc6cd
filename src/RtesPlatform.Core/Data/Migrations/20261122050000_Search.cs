using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Full-text search over the published fiches and their actions: a French, accent-insensitive text
/// search configuration and <c>search_documents</c>, one row per published fiche and per action,
/// rebuilt by a trigger on <c>tenants</c> in the publishing transaction.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122050000_Search")]
public sealed class Search : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.Sql("""
            -- unaccent is a trusted extension: the database owner may create it.
            CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

            -- unaccent() is only STABLE (it looks its dictionary up by name through search_path);
            -- naming the dictionary makes the result depend on the argument alone.
            CREATE FUNCTION app.unaccent_immutable(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

            -- French stemming after accent folding: "économie" and "economie" give the same lexeme.
            -- Hyphenated words ("tiers-lieux") are indexed whole and by part, so "tiers lieux" matches.
            -- A configuration named in to_tsvector('app.french_unaccent', ...) is immutable.
            CREATE TEXT SEARCH CONFIGURATION app.french_unaccent (COPY = pg_catalog.french);
            ALTER TEXT SEARCH CONFIGURATION app.french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;

            -- Officers write Markdown: links and images keep their text, heading and quote marks at
            -- the start of a line go, emphasis marks go. No backquote survives: the search page
            -- uses one in the highlight markers, which therefore never come from a fiche.
            CREATE FUNCTION app.search_plain(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT btrim(regexp_replace(regexp_replace(regexp_replace(coalesce($1, ''),
                    '!?\[([^\]]*)\]\([^)]*\)', '\1', 'g'),
                    '(^|\n)[ \t]*[#>]+[ \t]*', '\1', 'g'),
                    '[*_`]+', '', 'g')) $$;

            -- Published (public) data only: one row per published fiche (kind 'fiche', action_index 0)
            -- and per action of it (kind 'action', action_index = its rank in the fiche, from 1).
            -- document: title weight A (the collectivity's name for a fiche, the action's title);
            -- B: strategy and axis titles of a fiche, theme labels of an action; C: everything else.
            -- A fiche's document leaves its actions out (they have their own rows) and so does not
            -- match on its actions' themes; theme_codes (all of them, for a fiche) serve the filter.
            -- Contacts are left out: personal data, not what visitors search for.
            CREATE TABLE search_documents (
                tenant_id uuid NOT NULL,
                fiche_version integer NOT NULL,
                kind character varying(10) NOT NULL,
                action_index integer NOT NULL,
                title text NOT NULL,
                body text NOT NULL,
                theme_codes text[] NOT NULL,
                document tsvector NOT NULL,
                CONSTRAINT pk_search_documents PRIMARY KEY (tenant_id, kind, action_index),
                CONSTRAINT ck_search_documents_kind CHECK (kind IN ('fiche', 'action')),
                CONSTRAINT fk_search_documents_fiche_versions FOREIGN KEY (tenant_id, fiche_version)
                    REFERENCES fiche_versions (tenant_id, number) ON DELETE CASCADE
            );
            CREATE INDEX ix_search_documents_document ON search_documents USING gin (document);
            CREATE INDEX ix_search_documents_theme_codes ON search_documents USING gin (theme_codes);

            -- Everyone (anonymous visitors included) reads the rows of the version a live tenant
            -- publishes, as for fiche_versions; the trigger already deletes the others, the policy
            -- keeps a suspended tenant out even if a row were left. Nobody but the trigger function
            -- (the owner, through owner_all) writes: rtes_app has SELECT only.
            ALTER TABLE search_documents ENABLE ROW LEVEL SECURITY;
            ALTER TABLE search_documents FORCE ROW LEVEL SECURITY;
            CREATE POLICY public_read ON search_documents FOR SELECT
                USING (EXISTS (SELECT 1 FROM tenants t
                               WHERE t.id = search_documents.tenant_id
                                 AND t.published_version = search_documents.fiche_version
                                 AND t.status = 'active'));
            CREATE POLICY owner_all ON search_documents FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
            GRANT SELECT ON search_documents TO rtes_app;

            -- Replaces a tenant's documents by those of the version it publishes now (none when it
            -- is suspended or publishes nothing). Runs as the owner, in the writer's transaction.
            CREATE FUNCTION app.refresh_search_documents(target uuid) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    DELETE FROM public.search_documents WHERE tenant_id = target;

                    INSERT INTO public.search_documents (tenant_id, fiche_version, kind, action_index, title, body, theme_codes, document)
                    WITH f AS (
                        SELECT t.id, t.name, v.number, v.content AS c, v.theme_codes
                        FROM public.tenants t
                        JOIN public.fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
                        WHERE t.id = target AND t.status = 'active'
                    ), fiche AS (
                        SELECT f.*,
                            concat_ws(E'\n',
                                app.search_plain(f.c #>> '{programme,strategyTitle}'),
                                (SELECT string_agg(app.search_plain(a ->> 'title'), E'\n' ORDER BY i)
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.c #> '{programme,axes}') = 'array' THEN f.c #> '{programme,axes}' END)
                                      WITH ORDINALITY AS x(a, i))) AS strong,
                            concat_ws(E'\n',
                                app.search_plain(f.c #>> '{panorama,narrative}'),
                                (SELECT string_agg(app.search_plain(x.e ->> 'label'), E'\n' ORDER BY x.i)
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.c #> '{panorama,figures}') = 'array' THEN f.c #> '{panorama,figures}' END)
                                      WITH ORDINALITY AS x(e, i)),
                                app.search_plain(f.c #>> '{budget,narrative}'),
                                (SELECT string_agg(app.search_plain(x.e ->> 'label'), E'\n' ORDER BY x.i)
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.c #> '{budget,lines}') = 'array' THEN f.c #> '{budget,lines}' END)
                                      WITH ORDINALITY AS x(e, i)),
                                app.search_plain(f.c #>> '{budget,staff,note}'),
                                app.search_plain(f.c #>> '{programme,narrative}'),
                                (SELECT string_agg(app.search_plain(x.e ->> 'text'), E'\n' ORDER BY x.i)
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.c #> '{programme,axes}') = 'array' THEN f.c #> '{programme,axes}' END)
                                      WITH ORDINALITY AS x(e, i)),
                                (SELECT string_agg(app.search_plain(x.e ->> 'title'), E'\n' ORDER BY x.i)
                                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.c -> 'sources') = 'array' THEN f.c -> 'sources' END)
                                      WITH ORDINALITY AS x(e, i))) AS plain
                        FROM f
                    ), action AS (
                        SELECT f.id, f.number, x.i::int AS action_index,
                            coalesce(app.search_plain(x.a ->> 'title'), '') AS title,
                            coalesce(ARRAY(SELECT e.code FROM jsonb_array_elements_text(
                                CASE WHEN jsonb_typeof(x.a -> 'themes') = 'array' THEN x.a -> 'themes' END) AS e(code)), '{}') AS theme_codes,
                            x.a
                        FROM f
                        CROSS JOIN LATERAL jsonb_array_elements(
                            CASE WHEN jsonb_typeof(f.c -> 'actions') = 'array' THEN f.c -> 'actions' END) WITH ORDINALITY AS x(a, i)
                        WHERE jsonb_typeof(x.a) = 'object'
                    ), action_text AS (
                        SELECT action.*,
                            coalesce((SELECT string_agg(th.label_fr, E'\n' ORDER BY th.sort_order)
                                      FROM public.themes th WHERE th.code = ANY (action.theme_codes)), '') AS strong,
                            concat_ws(E'\n',
                                app.search_plain(action.a ->> 'description'),
                                (SELECT string_agg(app.search_plain(p), ', ') FROM jsonb_array_elements_text(
                                    CASE WHEN jsonb_typeof(action.a -> 'partners') = 'array' THEN action.a -> 'partners' END) AS e(p)),
                                (SELECT string_agg(app.search_plain(r ->> 'label'), E'\n') FROM jsonb_array_elements(
                                    CASE WHEN jsonb_typeof(action.a -> 'results') = 'array' THEN action.a -> 'results' END) AS e(r))) AS plain
                        FROM action
                    )
                    SELECT fiche.id, fiche.number, 'fiche', 0, fiche.name,
                           concat_ws(E'\n', nullif(fiche.strong, ''), nullif(fiche.plain, '')),
                           fiche.theme_codes,
                           setweight(to_tsvector('app.french_unaccent', fiche.name), 'A')
                           || setweight(to_tsvector('app.french_unaccent', fiche.strong), 'B')
                           || setweight(to_tsvector('app.french_unaccent', fiche.plain), 'C')
                    FROM fiche
                    UNION ALL
                    SELECT a.id, a.number, 'action', a.action_index, a.title,
                           a.plain,
                           a.theme_codes,
                           setweight(to_tsvector('app.french_unaccent', a.title), 'A')
                           || setweight(to_tsvector('app.french_unaccent', a.strong), 'B')
                           || setweight(to_tsvector('app.french_unaccent', a.plain), 'C')
                    FROM action_text a;
                END $$;
            REVOKE EXECUTE ON FUNCTION app.refresh_search_documents(uuid) FROM PUBLIC;

            CREATE FUNCTION app.refresh_search_documents_of_tenant() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    PERFORM app.refresh_search_documents(NEW.id);
                    RETURN NULL;
                END $$;
            -- Every writer moves published_version (back office, demo seed, import, restore) or
            -- status (network console) on tenants, so the index follows in the same transaction.
            -- A renamed tenant is re-indexed at its next publication (the trigger does not watch
            -- name: columns a trigger names cannot change type, and renames are rare).
            CREATE TRIGGER refresh_search_documents AFTER UPDATE OF published_version, status ON tenants
                FOR EACH ROW
                WHEN (OLD.published_version IS DISTINCT FROM NEW.published_version
                      OR OLD.status IS DISTINCT FROM NEW.status)
                EXECUTE FUNCTION app.refresh_search_documents_of_tenant();

            -- Backfill the fiches published before this migration.
            SELECT app.refresh_search_documents(t.id) FROM tenants t
            WHERE t.published_version IS NOT NULL AND t.status = 'active';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP TRIGGER refresh_search_documents ON tenants;
            DROP FUNCTION app.refresh_search_documents_of_tenant();
            DROP FUNCTION app.refresh_search_documents(uuid);
            DROP TABLE search_documents;
            DROP FUNCTION app.search_plain(text);
            DROP TEXT SEARCH CONFIGURATION app.french_unaccent;
            DROP FUNCTION app.unaccent_immutable(text);
            """);
    }
}
