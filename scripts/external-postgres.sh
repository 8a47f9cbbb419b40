#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server from Debian's packages (installing them when the machine has none) and
# prints the JDBC URL on stdout. Used by .ci/run to prove the suite passes against an external server.
#   scripts/external-postgres.sh start DIR PORT   → prints jdbc:postgresql://127.0.0.1:PORT/postgres
#   scripts/external-postgres.sh stop DIR
# PG_OPTIONS in the environment adds server settings at start (e.g. "-c shared_preload_libraries=pg_stat_statements").
set -euo pipefail
action=${1:?start|stop}; dir=${2:?data directory}; port=${3:-55432}

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [ -z "$(bindir)" ]; then
      echo "installing PostgreSQL from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    fi
    bin=$(bindir)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off ${PG_OPTIONS:-}" start >&2
    echo "jdbc:postgresql://127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    ;;
esac
