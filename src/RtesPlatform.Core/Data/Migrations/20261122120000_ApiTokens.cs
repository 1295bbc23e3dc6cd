using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Personal API tokens: tenant-owned (row-level security: only the tenant's session reads or
/// writes them), keeping the SHA-256 of the secret, never the secret. A program presenting a
/// token has no tenant yet, so the token is looked up through a security-definer function, as
/// invitations are (see below and docs/adr/0005-api-authentication.md).
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122120000_ApiTokens")]
public sealed class ApiTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE api_tokens (
                tenant_id uuid NOT NULL,
                id uuid NOT NULL,
                name character varying(100) NOT NULL,
                prefix character varying(8) NOT NULL,
                secret_hash bytea NOT NULL,
                created_by uuid NULL,
                created_at timestamp with time zone NOT NULL,
                expires_at timestamp with time zone NULL,
                last_used_at timestamp with time zone NULL,
                revoked_at timestamp with time zone NULL,
                revoked_by uuid NULL,
                CONSTRAINT pk_api_tokens PRIMARY KEY (tenant_id, id),
                CONSTRAINT ck_api_tokens_secret_hash CHECK (octet_length(secret_hash) = 32),
                CONSTRAINT ck_api_tokens_prefix CHECK (prefix ~ '^[0-9a-f]{8}$'),
                CONSTRAINT fk_api_tokens_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
                CONSTRAINT fk_api_tokens_asp_net_users_created_by FOREIGN KEY (created_by) REFERENCES asp_net_users (id) ON DELETE SET NULL,
                CONSTRAINT fk_api_tokens_asp_net_users_revoked_by FOREIGN KEY (revoked_by) REFERENCES asp_net_users (id) ON DELETE SET NULL
            );
            CREATE UNIQUE INDEX ix_api_tokens_secret_hash ON api_tokens (secret_hash);
            CREATE INDEX ix_api_tokens_created_by ON api_tokens (created_by);
            CREATE INDEX ix_api_tokens_revoked_by ON api_tokens (revoked_by);
            ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
            ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_all ON api_tokens FOR ALL
                USING (tenant_id = app.current_tenant_id())
                WITH CHECK (tenant_id = app.current_tenant_id());
            -- No DELETE: a token is revoked (revoked_at), its trace stays.
            GRANT SELECT, INSERT, UPDATE ON api_tokens TO rtes_app;

            -- A request carrying a token names no tenant the application could set before reading
            -- the row (the token is what tells the tenant). As for invitations, the lookup is one
            -- function running as the schema owner that returns only the row whose secret hash
            -- matches: the caller must hold the secret (32 random bytes) and can neither list nor
            -- search tokens. The owner sees rows through owner_lookup (RLS is forced on it too);
            -- the application role is not the owner. Marking the token used happens afterwards,
            -- in the unit of work of the token's tenant, under tenant_all.
            CREATE POLICY owner_lookup ON api_tokens FOR SELECT TO CURRENT_USER USING (true);
            CREATE FUNCTION app.find_api_token(secret_hash bytea) RETURNS SETOF public.api_tokens
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$ SELECT * FROM public.api_tokens t WHERE t.secret_hash = $1 $$;
            REVOKE EXECUTE ON FUNCTION app.find_api_token(bytea) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION app.find_api_token(bytea) TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP FUNCTION app.find_api_token(bytea);
            DROP TABLE api_tokens;
            """);
    }
}
