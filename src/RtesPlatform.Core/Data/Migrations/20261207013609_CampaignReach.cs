using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// <c>app.campaign_reach(stale_before)</c>: before a campaign opens, the tenants it would target
/// (the same rule as <c>app.open_campaign_targets</c>) and whether each has a team member with a
/// confirmed email address — who can receive the reminders. For a signed-in network admin only
/// (<c>app.viewer_is_network_admin()</c>); any other session gets no rows. Ids and one boolean:
/// the directory of tenants is public anyway.
/// </summary>
public partial class CampaignReach : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE FUNCTION app.campaign_reach(stale_before date)
                RETURNS TABLE (tenant_id uuid, has_recipient boolean)
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$
                    WITH figures AS (
                        SELECT v.tenant_id, max(v.updated_at) AS updated_at FROM public.indicator_values v GROUP BY v.tenant_id
                    )
                    SELECT t.id,
                           EXISTS (SELECT 1 FROM public.tenant_memberships m
                                   JOIN public.asp_net_users u ON u.id = m.user_id
                                   WHERE m.tenant_id = t.id AND u.email_confirmed AND u.email IS NOT NULL)
                    FROM public.tenants t
                    LEFT JOIN figures f ON f.tenant_id = t.id
                    WHERE (SELECT app.viewer_is_network_admin())
                      AND t.status = 'active'
                      AND (t.published_at IS NULL
                           OR t.published_at < (stale_before::timestamp AT TIME ZONE 'Europe/Paris')
                           OR f.updated_at < (stale_before::timestamp AT TIME ZONE 'Europe/Paris'))
                $$;
            REVOKE EXECUTE ON FUNCTION app.campaign_reach(date) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.campaign_reach(date) TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP FUNCTION app.campaign_reach(date);");
    }
}
