using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Yearly update campaigns and the weekly digest. A campaign is network data (no tenant); its
/// targets and reminders are the network's view of its members: a session without a tenant (the
/// network console, the network-wide part of the jobs) reads and writes every row, a session with
/// a tenant (the back office recording a visit, the per-tenant part of the reminder job) only that
/// tenant's rows. Reminder and digest rows are the idempotency keys of the mails they record.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122080000_Campaigns")]
public sealed class Campaigns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE campaigns (
                id uuid NOT NULL,
                title character varying(200) NOT NULL,
                message text NOT NULL,
                deadline date NOT NULL,
                stale_before date NOT NULL,
                opened_at timestamp with time zone NOT NULL,
                opened_by uuid NULL,
                CONSTRAINT pk_campaigns PRIMARY KEY (id),
                CONSTRAINT fk_campaigns_asp_net_users_opened_by FOREIGN KEY (opened_by) REFERENCES asp_net_users (id) ON DELETE SET NULL
            );
            CREATE INDEX ix_campaigns_opened_by ON campaigns (opened_by);
            CREATE INDEX ix_campaigns_deadline ON campaigns (deadline);
            GRANT SELECT, INSERT ON campaigns TO rtes_app;

            CREATE TABLE campaign_targets (
                campaign_id uuid NOT NULL,
                tenant_id uuid NOT NULL,
                published_at timestamp with time zone NULL,
                figures_updated_at timestamp with time zone NULL,
                first_visit_at timestamp with time zone NULL,
                CONSTRAINT pk_campaign_targets PRIMARY KEY (campaign_id, tenant_id),
                CONSTRAINT fk_campaign_targets_campaigns_campaign_id FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
                CONSTRAINT fk_campaign_targets_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            -- The back office's visit hook looks a tenant's open targets up on each dashboard view.
            CREATE INDEX ix_campaign_targets_tenant_id ON campaign_targets (tenant_id);
            ALTER TABLE campaign_targets ENABLE ROW LEVEL SECURITY;
            ALTER TABLE campaign_targets FORCE ROW LEVEL SECURITY;
            CREATE POLICY network_or_own ON campaign_targets FOR ALL
                USING (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id())
                WITH CHECK (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id());
            GRANT SELECT, INSERT, UPDATE ON campaign_targets TO rtes_app;

            CREATE TABLE campaign_reminders (
                campaign_id uuid NOT NULL,
                tenant_id uuid NOT NULL,
                kind character varying(20) NOT NULL,
                status character varying(20) NOT NULL,
                claimed_at timestamp with time zone NOT NULL,
                sent_at timestamp with time zone NULL,
                recipients uuid[] NOT NULL,
                attempts integer NOT NULL,
                last_error character varying(500) NULL,
                CONSTRAINT pk_campaign_reminders PRIMARY KEY (campaign_id, tenant_id, kind),
                CONSTRAINT ck_campaign_reminders_kind CHECK (kind IN ('opening', 'two-weeks', 'deadline')),
                CONSTRAINT ck_campaign_reminders_status CHECK (status IN ('sending', 'sent', 'failed', 'no-recipient')),
                CONSTRAINT fk_campaign_reminders_campaign_targets FOREIGN KEY (campaign_id, tenant_id)
                    REFERENCES campaign_targets (campaign_id, tenant_id) ON DELETE CASCADE
            );
            ALTER TABLE campaign_reminders ENABLE ROW LEVEL SECURITY;
            ALTER TABLE campaign_reminders FORCE ROW LEVEL SECURITY;
            CREATE POLICY network_or_own ON campaign_reminders FOR ALL
                USING (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id())
                WITH CHECK (app.current_tenant_id() IS NULL OR tenant_id = app.current_tenant_id());
            -- No DELETE: a reminder row is the proof that the mail was decided (never sent twice).
            GRANT SELECT, INSERT, UPDATE ON campaign_reminders TO rtes_app;

            CREATE TABLE digest_sends (
                week_start date NOT NULL,
                status character varying(20) NOT NULL,
                claimed_at timestamp with time zone NOT NULL,
                sent_at timestamp with time zone NULL,
                recipients uuid[] NOT NULL,
                publications integer NOT NULL,
                attempts integer NOT NULL,
                CONSTRAINT pk_digest_sends PRIMARY KEY (week_start),
                CONSTRAINT ck_digest_sends_status CHECK (status IN ('sending', 'sent', 'failed', 'nothing'))
            );
            GRANT SELECT, INSERT, UPDATE ON digest_sends TO rtes_app;

            -- When each tenant's figures last changed (any visibility). The network console and the
            -- reminder job run without a tenant and cannot read private values; this reveals one
            -- timestamp per tenant, nothing of the values. Runs as the owner (policy owner_read).
            CREATE FUNCTION app.tenant_figures_updated_at() RETURNS TABLE (tenant_id uuid, updated_at timestamp with time zone)
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$ SELECT v.tenant_id, max(v.updated_at) FROM public.indicator_values v GROUP BY v.tenant_id $$;
            REVOKE EXECUTE ON FUNCTION app.tenant_figures_updated_at() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.tenant_figures_updated_at() TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION app.tenant_figures_updated_at();
            DROP TABLE digest_sends;
            DROP TABLE campaign_reminders;
            DROP TABLE campaign_targets;
            DROP TABLE campaigns;
            """);
    }
}
