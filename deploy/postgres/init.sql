-- Run once by the postgres:15 image on an empty data volume (docker-entrypoint-initdb.d), as the
-- superuser POSTGRES_USER. Same roles as ./rtes (start_private_cluster): rtes_owner owns the
-- database and the schema (used by `migrate` only); rtes_app is the application's role, which
-- row-level security applies to (LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing).
-- Passwords come from the container's environment (psql 15 \getenv).
\set ON_ERROR_STOP on
\getenv owner_password RTES_OWNER_PASSWORD
\getenv app_password RTES_APP_PASSWORD

SELECT format('CREATE ROLE rtes_owner LOGIN NOSUPERUSER NOCREATEROLE PASSWORD %L', :'owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rtes_owner') \gexec
SELECT format('CREATE ROLE rtes_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rtes_app') \gexec
SELECT 'CREATE DATABASE rtes OWNER rtes_owner ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'rtes') \gexec

\connect rtes
ALTER SCHEMA public OWNER TO rtes_owner;
GRANT USAGE ON SCHEMA public TO rtes_app;
