# Sourced by scripts/bench-ingest.sh and scripts/profile-ingest.sh: the generated documents they ingest and the wait
# for the service they start.

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
