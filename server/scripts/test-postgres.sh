#!/usr/bin/env bash
# npm run test:postgres: the broker's tests on a real PostgreSQL that this script starts in a
# throwaway folder and stops after (Debian's `postgresql` package provides the binaries; CI runs
# as root, so the cluster belongs to the `postgres` user).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" ]]; then
  echo "test:postgres: no PostgreSQL binaries (apt-get install postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/broker-pg.XXXXXX)
port=${PGPORT_FOR_TESTS:-55433}
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U broker >"$dir/initdb.log"
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
DATABASE_URL="postgres://broker@127.0.0.1:$port/postgres" npx vitest run "$@"
