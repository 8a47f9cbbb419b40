#!/usr/bin/env bash
# A throw-away PostgreSQL primary and a streaming replica of it (pg_basebackup -R: a hot standby that follows the
# primary's WAL), from Debian's packages (installed when the machine has none), on loopback. For the cluster trial and
# for trying gongkai.replica.url by hand.
#   scripts/replica-postgres.sh start DIR [PRIMARY_PORT] [REPLICA_PORT]  → prints the primary's and the replica's JDBC URLs
#   scripts/replica-postgres.sh kill-replica DIR    the replica stops as in a crash (immediate shutdown)
#   scripts/replica-postgres.sh start-replica DIR   starts it again; it resumes streaming where it stopped
#   scripts/replica-postgres.sh psql DIR [ARGS…]    psql on the primary
#   scripts/replica-postgres.sh stop DIR            stops both
set -euo pipefail
action=${1:?start|kill-replica|start-replica|psql|stop}; dir=${2:?data directory}

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_of() { sed -n "s/^$1=//p" "$dir/ports"; }
# a hot standby refuses to start with fewer connections (and other limits) than its primary: both get these
common="-k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"

start_replica() {
  as_owner "$(bindir)/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w \
    -o "-p $(port_of replica) $common -c hot_standby_feedback=on" start >&2
}

case "$action" in
  start)
    primary_port=${3:-55441}; replica_port=${4:-55442}
    if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/pg_basebackup" ]; then
      echo "installing PostgreSQL from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    fi
    bin=$(bindir)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    printf 'primary=%s\nreplica=%s\n' "$primary_port" "$replica_port" > "$dir/ports"
    as_owner "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
    # wal_level=replica and max_wal_senders=10 are the defaults; initdb's pg_hba.conf lets loopback replicate
    as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w \
      -o "-p $primary_port $common -c fsync=off" start >&2
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream -c fast >&2
    start_replica
    echo "jdbc:postgresql://127.0.0.1:$primary_port/postgres"
    echo "jdbc:postgresql://127.0.0.1:$replica_port/postgres"
    ;;
  kill-replica)
    as_owner "$(bindir)/pg_ctl" -D "$dir/replica" -m immediate stop >&2
    ;;
  start-replica)
    start_replica
    ;;
  psql)
    shift 2
    "$(bindir)/psql" -X -h 127.0.0.1 -p "$(port_of primary)" -U postgres -d postgres "$@"
    ;;
  stop)
    for node in replica primary; do
      as_owner "$(bindir)/pg_ctl" -D "$dir/$node" -m fast stop >&2 || true
    done
    ;;
esac
