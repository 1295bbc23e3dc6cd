using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Closes the hole of the <c>Campaigns</c> migration: its policies let any application session
/// without a tenant (an anonymous public page, a future endpoint that forgot its tenant) read and
/// write every tenant's campaign targets and reminders. Now:
/// <list type="bullet">
/// <item>a tenant session reads and writes its own rows only (visit hook, per-tenant reminder claim);</item>
/// <item>a signed-in network admin (<c>app.user_id</c> holding the NetworkAdmin role) reads every row (dashboard);</item>
/// <item>the two network-wide steps that run without a user go through SECURITY DEFINER functions
/// that do one thing each: <c>app.open_campaign_targets</c> inserts the targets of a campaign that
/// has none yet (the campaign's own staleness rule), <c>app.campaign_targets_to_remind</c> lists the
/// tenant ids still due a reminder kind (ids only: the directory of tenants is public anyway);</item>
/// <item>a session with neither tenant nor network admin sees and changes nothing.</item>
/// </list>
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122122000_HardenCampaignRls")]
public sealed class HardenCampaignRls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            -- Whether the signed-in user of the session (app.user_id) is a network admin. Runs as the
            -- owner so that it can read roles; it reveals one boolean about the session's own user.
            CREATE FUNCTION app.viewer_is_network_admin() RETURNS boolean
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    SELECT app.current_user_id() IS NOT NULL AND EXISTS (
                        SELECT 1 FROM public.asp_net_user_roles ur
                        JOIN public.asp_net_roles r ON r.id = ur.role_id
                        WHERE ur.user_id = app.current_user_id() AND r.normalized_name = 'NETWORKADMIN')
                $$;
            REVOKE EXECUTE ON FUNCTION app.viewer_is_network_admin() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.viewer_is_network_admin() TO rtes_app;

            DROP POLICY network_or_own ON campaign_targets;
            CREATE POLICY tenant_all ON campaign_targets FOR ALL
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            -- The sub-select runs once per statement (init plan), not once per row.
            CREATE POLICY network_admin_read ON campaign_targets FOR SELECT
                USING ((SELECT app.viewer_is_network_admin()));
            CREATE POLICY owner_all ON campaign_targets FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);

            DROP POLICY network_or_own ON campaign_reminders;
            CREATE POLICY tenant_all ON campaign_reminders FOR ALL
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            CREATE POLICY network_admin_read ON campaign_reminders FOR SELECT
                USING ((SELECT app.viewer_is_network_admin()));
            CREATE POLICY owner_read ON campaign_reminders FOR SELECT TO CURRENT_USER USING (true);

            -- The targets of a new campaign (every active tenant whose fiche was never published or
            -- published before the campaign's date, or whose latest figure is older), inserted once:
            -- nothing happens for an unknown campaign or one that already has targets.
            CREATE FUNCTION app.open_campaign_targets(target_campaign uuid) RETURNS integer
                LANGUAGE sql VOLATILE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    WITH campaign AS (
                        SELECT c.id, (c.stale_before::timestamp AT TIME ZONE 'Europe/Paris') AS stale_start
                        FROM public.campaigns c
                        WHERE c.id = target_campaign
                          AND NOT EXISTS (SELECT 1 FROM public.campaign_targets g WHERE g.campaign_id = c.id)
                    ), figures AS (
                        SELECT v.tenant_id, max(v.updated_at) AS updated_at FROM public.indicator_values v GROUP BY v.tenant_id
                    ), inserted AS (
                        INSERT INTO public.campaign_targets (campaign_id, tenant_id, published_at, figures_updated_at)
                        SELECT c.id, t.id, t.published_at, f.updated_at
                        FROM campaign c
                        CROSS JOIN public.tenants t
                        LEFT JOIN figures f ON f.tenant_id = t.id
                        WHERE t.status = 'active'
                          AND (t.published_at IS NULL OR t.published_at < c.stale_start OR f.updated_at < c.stale_start)
                        RETURNING 1
                    )
                    SELECT count(*)::integer FROM inserted
                $$;
            REVOKE EXECUTE ON FUNCTION app.open_campaign_targets(uuid) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.open_campaign_targets(uuid) TO rtes_app;

            -- The active tenants targeted by a campaign that still need a reminder of that kind
            -- (none sent, none without recipient, none being sent since claimed_before). Ids only.
            CREATE FUNCTION app.campaign_targets_to_remind(target_campaign uuid, reminder_kind text, claimed_before timestamp with time zone)
                RETURNS SETOF uuid
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    SELECT g.tenant_id
                    FROM public.campaign_targets g
                    JOIN public.tenants t ON t.id = g.tenant_id AND t.status = 'active'
                    WHERE g.campaign_id = target_campaign
                      AND NOT EXISTS (
                          SELECT 1 FROM public.campaign_reminders r
                          WHERE r.campaign_id = g.campaign_id AND r.tenant_id = g.tenant_id AND r.kind = reminder_kind
                            AND (r.status IN ('sent', 'no-recipient') OR (r.status = 'sending' AND r.claimed_at >= claimed_before)))
                $$;
            REVOKE EXECUTE ON FUNCTION app.campaign_targets_to_remind(uuid, text, timestamp with time zone) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.campaign_targets_to_remind(uuid, text, timestamp with time zone) TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION app.campaign_targets_to_remind(uuid, text, timestamp with time zone);
            DROP FUNCTION app.open_campaign_targets(uuid);
            DROP POLICY owner_read ON campaign_reminders;
            DROP POLICY network_admin_read ON campaign_reminders;
            DROP POLICY tenant_all ON campaign_reminders;
            CREATE POLICY network_or_own ON campaign_reminders FOR ALL
                USING (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id())
                WITH CHECK (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id());
            DROP POLICY owner_all ON campaign_targets;
            DROP POLICY network_admin_read ON campaign_targets;
            DROP POLICY tenant_all ON campaign_targets;
            CREATE POLICY network_or_own ON campaign_targets FOR ALL
                USING (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id())
                WITH CHECK (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id());
            DROP FUNCTION app.viewer_is_network_admin();
            """);
    }
}
