# Sourced by scripts/bench-bulk.sh, bench-ingest.sh and profile-ingest.sh: the generated documents they ingest, the
# wait for the service they start and the CPU it and its PostgreSQL spend (service_ticks, cpu_spent, thread_cpu).

# generate_documents JAR WORK DOCUMENTS WARM_UP: DOCUMENTS + WARM_UP reports rendered as documents (the official HTML
# tables, as `generate --documents-every 1` writes them); the first WARM_UP in name order are moved to WORK/warm-up
# (ingested untimed, so that the timed ones meet a service whose JIT has compiled the hot paths), the others stay in
# WORK/gen/documents.
generate_documents() {
    local jar="$1" work="$2" documents="$3" warm_up="$4"
    java -jar "$jar" generate --reports "$((documents + warm_up))" --no-truth --documents-every 1 \
        --out "$work/gen" >/dev/null
    [ "$warm_up" -gt 0 ] || return 0
    mkdir -p "$work/warm-up"
    (cd "$work/gen/documents" && find . -type f | sort | awk -v n="$warm_up" 'NR <= n') | while read -r f; do
        mkdir -p "$work/warm-up/$(dirname "$f")"
        mv "$work/gen/documents/$f" "$work/warm-up/$f"
    done
}

# wait_ready PORT: until the service on PORT is ready (at most three minutes).
wait_ready() {
    for _ in $(seq 1 180); do
        curl -sf "http://localhost:$1/q/health/ready" >/dev/null && return 0
        sleep 1
    done
    echo "the service on port $1 did not become ready" >&2
    return 1
}

# service_ticks SERVICE_PID PG_DATA_DIR: the CPU ticks of the service's JVM, and of the PostgreSQL server whose data
# folder is PG_DATA_DIR: the postmaster with its ended children (a backend's ticks move to its parent when it ends) and
# its children alive now.
service_ticks() {
    local pg
    pg=$(head -n 1 "$2/postmaster.pid")
    echo "$(awk '{print $14 + $15}' "/proc/$1/stat")" \
        "$({ awk '{print $14 + $15 + $16 + $17}' "/proc/$pg/stat"
            for p in $(pgrep -P "$pg"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done; } |
            awk '{s += $1} END {print s + 0}')"
}

# cpu_spent JVM_TICKS PG_TICKS SERVICE_PID PG_DATA_DIR: "CPU: service N s, PostgreSQL M s" since service_ticks gave
# JVM_TICKS and PG_TICKS.
cpu_spent() {
    local hz jvm pg
    hz=$(getconf CLK_TCK)
    read -r jvm pg < <(service_ticks "$3" "$4")
    echo "CPU: service $(((jvm - $1) / hz)) s, PostgreSQL $(((pg - $2) / hz)) s"
}

# thread_cpu PID: the JVM's CPU seconds by thread, digits folded ("GC Thread#3" counts as "GC Thread#"), largest first:
# where a service's CPU went besides its own code (the collector's workers and concurrent marking, the JIT compilers).
# Threads that have ended (a bulk request's writer) count in the process's total only.
thread_cpu() {
    python3 - "$1" <<'PY'
import collections, os, re, sys
pid, hz = sys.argv[1], os.sysconf("SC_CLK_TCK")
spent = collections.Counter()
for task in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{task}/stat").read()
    except OSError:
        continue
    name = re.sub(r"\d+", "#", stat[stat.index("(") + 1:stat.rindex(")")])
    fields = stat[stat.rindex(")") + 2:].split()
    spent[name] += (int(fields[11]) + int(fields[12])) / hz
print("service CPU by thread (alive at the end): "
      + ", ".join(f"{name} {s:.1f} s" for name, s in spent.most_common(8) if s >= 0.1))
PY
}
