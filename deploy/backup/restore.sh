#!/usr/bin/env bash
# Restores an RTES Platform backup (an archive made by backup.sh) into a new, empty database,
# typically on a fresh cluster, then optionally checks it with the application's `migrate`
# command, which must find nothing to do when the archive comes from the same version.
#
# Usage: deploy/backup/restore.sh [-d DBNAME] [-c "MIGRATE COMMAND"] FILE
#   FILE     the archive (pg_dump custom format)
#   -d NAME  database to create and fill (default: $PGDATABASE, else "rtes"); it must not exist
#            yet, or be empty
#   -c CMD   run CMD after the restore (e.g. "docker run --rm -e ConnectionStrings__RtesOwner=...
#            rtes-platform migrate" or "dotnet RtesPlatform.Web.dll migrate") and fail if it
#            applied any migration: a restore of the same version must be complete as it is.
#            To restore an older backup into a newer version, leave -c out and run migrate
#            as for any upgrade.
#
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD... as a superuser of the target cluster (the
# archive recreates extensions, row-level security policies and objects owned by two roles).
# The roles are cluster-wide and not in the archive: create them first (deploy/postgres/init.sql,
# or CREATE ROLE rtes_owner LOGIN; CREATE ROLE rtes_app LOGIN NOSUPERUSER NOBYPASSRLS;), with
# the passwords the application will use. RTES_OWNER_ROLE and RTES_APP_ROLE change their names.
# PG_BIN may name the folder of psql/pg_restore.
set -euo pipefail

say() { printf 'restore: %s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

database="${PGDATABASE:-rtes}"
check=""
while getopts ":d:c:h" option; do
  case "$option" in
    d) database="$OPTARG" ;;
    c) check="$OPTARG" ;;
    h) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    :) fail "-$OPTARG needs a value" ;;
    *) fail "unknown option -$OPTARG (see -h)" ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -eq 1 ] || fail "give the archive to restore (see -h)"
archive="$1"
[ -r "$archive" ] || fail "cannot read $archive"
owner="${RTES_OWNER_ROLE:-rtes_owner}"
app="${RTES_APP_ROLE:-rtes_app}"
bin="${PG_BIN:+$PG_BIN/}"
psql=("${bin}psql" --no-psqlrc --no-password --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1)
pg_restore="${bin}pg_restore"

say "reading $archive"
"$pg_restore" --list "$archive" >/dev/null || fail "$archive is not a pg_dump custom-format archive"

say "checking the target cluster ${PGHOST:-local socket}:${PGPORT:-5432}"
for role in "$owner" "$app"; do
  exists=$("${psql[@]}" --dbname=postgres --set=role="$role" <<<"SELECT 1 FROM pg_roles WHERE rolname = :'role';")
  [ "$exists" = "1" ] || fail "role $role does not exist on the target cluster: create it first (deploy/postgres/init.sql)"
done
exists=$("${psql[@]}" --dbname=postgres --set=db="$database" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
if [ "$exists" = "1" ]; then
  tables=$("${psql[@]}" --dbname="$database" <<<"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema');")
  [ "$tables" = "0" ] || fail "database $database already holds $tables tables: restore into a new database"
  say "database $database exists and is empty"
else
  say "creating database $database owned by $owner"
  "${psql[@]}" --dbname=postgres --set=db="$database" --set=owner="$owner" <<<"CREATE DATABASE :\"db\" OWNER :\"owner\" ENCODING 'UTF8' TEMPLATE template0;"
fi
# As init.sql does: the owner role owns the public schema, the application role may use it.
"${psql[@]}" --dbname="$database" --set=owner="$owner" --set=app="$app" <<<'ALTER SCHEMA public OWNER TO :"owner"; GRANT USAGE ON SCHEMA public TO :"app";'

say "restoring $archive into $database (one transaction: all or nothing)"
"$pg_restore" --no-password --exit-on-error --single-transaction --dbname="$database" "$archive"
# Fresh statistics: the planner has none after a restore.
"${psql[@]}" --dbname="$database" <<<"ANALYZE;"
migrations=$("${psql[@]}" --dbname="$database" <<<'SELECT count(*) FROM "__EFMigrationsHistory";')
say "restored: $migrations migrations recorded"

if [ -n "$check" ]; then
  say "running the migrate check: $check"
  bash -c "$check" >&2
  after=$("${psql[@]}" --dbname="$database" <<<'SELECT count(*) FROM "__EFMigrationsHistory";')
  [ "$after" = "$migrations" ] || fail "migrate applied $((after - migrations)) migration(s): the archive is from an older version than the command"
  say "migrate check passed: nothing to apply"
fi
say "done: database $database restored from $archive"
