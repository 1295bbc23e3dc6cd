using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Team invitations: tenant-owned (row-level security: only the tenant's session reads or writes
/// them), keeping the SHA-256 of the mailed token, never the token. The invitee has no tenant yet,
/// so the token is looked up through a security-definer function (see below).
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122030000_Invitations")]
public sealed class Invitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE invitations (
                tenant_id uuid NOT NULL,
                id uuid NOT NULL,
                email character varying(256) NOT NULL,
                role character varying(20) NOT NULL,
                token_hash bytea NOT NULL,
                created_by uuid NULL,
                created_at timestamp with time zone NOT NULL,
                expires_at timestamp with time zone NOT NULL,
                accepted_at timestamp with time zone NULL,
                revoked_at timestamp with time zone NULL,
                CONSTRAINT pk_invitations PRIMARY KEY (tenant_id, id),
                CONSTRAINT ck_invitations_role CHECK (role IN ('admin', 'editor')),
                CONSTRAINT ck_invitations_token_hash CHECK (octet_length(token_hash) = 32),
                CONSTRAINT fk_invitations_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_invitations_asp_net_users_created_by FOREIGN KEY (created_by) REFERENCES asp_net_users (id) ON DELETE SET NULL
            );
            CREATE UNIQUE INDEX ix_invitations_token_hash ON invitations (token_hash);
            CREATE INDEX ix_invitations_created_by ON invitations (created_by);
            ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
            ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_all ON invitations FOR ALL
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            -- No DELETE: an invitation is revoked (revoked_at), its trace stays.
            GRANT SELECT, INSERT, UPDATE ON invitations TO rtes_app;

            -- Accepting an invitation happens before the invitee belongs to any tenant, so the
            -- application cannot read the row under tenant_all. Rather than a policy the
            -- application role could satisfy by setting a session variable, the lookup is one
            -- function that runs as the schema owner and returns only the row whose token hash
            -- matches: whoever calls it must already hold the token from the mail (32 random
            -- bytes), and can neither list nor search invitations. The owner role sees the rows
            -- through owner_lookup (the table forces RLS even on its owner); rtes_app is not
            -- that role, so for the application every other read still needs the tenant.
            -- Writes (accepting) happen afterwards in a unit of work of the invitation's tenant.
            CREATE POLICY owner_lookup ON invitations FOR SELECT TO CURRENT_USER USING (true);
            CREATE FUNCTION app.find_invitation(token_hash bytea) RETURNS SETOF public.invitations
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$ SELECT * FROM public.invitations i WHERE i.token_hash = $1 $$;
            REVOKE EXECUTE ON FUNCTION app.find_invitation(bytea) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.find_invitation(bytea) TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION app.find_invitation(bytea);
            DROP TABLE invitations;
            """);
    }
}
