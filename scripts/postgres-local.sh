#!/usr/bin/env bash
# Starts a throwaway local PostgreSQL for the durable profile (Debian's server binaries, no system service), creates the
# database "polytraders" and prints what to run next. Data lives in $PGDATA (default: /tmp/polytraders-pgdata).
#   ./scripts/postgres-local.sh          start (idempotent)
#   ./scripts/postgres-local.sh stop     stop it
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PGPORT:-5432}"
data="$(realpath -m "${PGDATA:-${TMPDIR:-/tmp}/polytraders-pgdata}")"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2; exit 1; }
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi # initdb refuses to run as root

if [ "${1:-start}" = "stop" ]; then
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ ${#as_pg[@]} -eq 0 ] || chown postgres:postgres "$data"
  "${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
fi
if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null
fi
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'polytraders'" | grep -q 1 \
  || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE polytraders"

owner="Host=127.0.0.1;Port=$port;Database=polytraders;Username=postgres"
app="Host=127.0.0.1;Port=$port;Database=polytraders;Username=polytraders_app"
cat <<MSG
PostgreSQL on 127.0.0.1:$port (trust auth, data in $data)
  dotnet run --project src/Silo -- migrate --connection "$owner"
  Storage__Provider=Postgres Storage__ConnectionString="$app" dotnet run --project src/Silo
  dotnet run --project src/Silo -- verify-chain --portfolio PORT-001 --connection "$app"
MSG
