#!/usr/bin/env bash
# Backs up the RTES Platform database: one pg_dump archive in custom format (-Fc, compressed),
# schema and data, with owners and grants, checked readable before it is kept.
#
# Usage: deploy/backup/backup.sh [-o FILE] [DBNAME]
#   DBNAME   database to dump (default: $PGDATABASE, else "rtes")
#   -o FILE  archive to write (default: rtes-<database>-<UTC date and time>.dump in the current folder)
#
# Connection: the standard libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass,
# PGSSLMODE...). PG_BIN may name the folder of pg_dump/pg_restore (default: those on PATH).
#
# Role: every table of the platform has row-level security FORCEd, which applies to its owner
# too, and pg_dump refuses to dump a table whose rows a policy would hide. Dump as a superuser,
# or as a dedicated role that bypasses row-level security and reads everything:
#   CREATE ROLE rtes_backup LOGIN BYPASSRLS PASSWORD '...';
#   GRANT pg_read_all_data TO rtes_backup;
# Never as rtes_app (row-level security applies to it) and not as rtes_owner (FORCE applies to it).
#
# The archive holds personal data (accounts, contacts) and the Data Protection key ring (the
# keys that sign session cookies) in clear: store and move it like a secret.
set -euo pipefail

say() { printf 'backup: %s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

output=""
while getopts ":o:h" option; do
  case "$option" in
    o) output="$OPTARG" ;;
    h) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    :) fail "-$OPTARG needs a value" ;;
    *) fail "unknown option -$OPTARG (see -h)" ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -le 1 ] || fail "one database at most (see -h)"
database="${1:-${PGDATABASE:-rtes}}"
bin="${PG_BIN:+$PG_BIN/}"
pg_dump="${bin}pg_dump"
pg_restore="${bin}pg_restore"
command -v "$pg_dump" >/dev/null || fail "$pg_dump not found (install postgresql-client-15 or set PG_BIN)"
[ -n "$output" ] || output="rtes-${database}-$(date -u +%Y%m%dT%H%M%SZ).dump"

say "dumping database '$database' from ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)} into $output"
partial="$output.partial"
trap 'rm -f "$partial"' EXIT
# --no-password: fail at once rather than wait for a prompt (a cron job has no terminal).
# Ownership and grants are kept: the restore recreates tables owned by rtes_owner and readable by
# rtes_app, and the SECURITY DEFINER functions keep their owner (they must not end up owned by
# the restoring superuser, which bypasses row-level security).
"$pg_dump" --format=custom --no-password --serializable-deferrable --file="$partial" --dbname="$database"

say "checking that the archive reads back"
entries=$("$pg_restore" --list "$partial" | grep -vc '^;')
[ "$entries" -gt 0 ] || fail "the archive lists no entries"
mv "$partial" "$output"
trap - EXIT

size=$(wc -c <"$output")
sum=$(sha256sum "$output" | cut -d' ' -f1)
say "done: $output ($size bytes, $entries entries, sha256 $sum)"
printf '%s\n' "$output"
