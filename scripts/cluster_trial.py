"""The cluster trial (scripts/cluster-trial.sh): a PostgreSQL primary and a streaming replica (scripts/replica-postgres.sh)
and two service instances on loopback; dashboard readers (views and queries) and report writers for SECONDS; during
the run one instance is killed (kill -9; while it runs a scheduled export when it can be caught at it), the replica is
killed, and the replica is started again. A scheduled export fires every few seconds on whichever instance claims it.

Balancing: each client sends its requests to the instances in turn (round robin), as a load balancer would; a request
that finds its instance unreachable or answering 502/503/504 is sent again to the other instance after a short pause
(0.1 s, doubling, at most 6 tries in about 3 s), as a balancer with retries on connection failure and 503 does.
An error is a request that fails on every try, or answers a status its kind never should.

Prints throughput, p50/p95/max per kind, errors (apart: those within --settle seconds after a kill or restart),
retries, the replica's states as the surviving instance's /q/health saw them, and the scheduled runs: one record per
due time, none missing, who ran it, takeovers. Exit 0 when no error falls outside the settling windows and every due
time was recorded exactly once. Python 3 standard library only."""

import argparse
import itertools
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load_trial as lt  # noqa: E402
import trial_service as ts  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
REPLICA_SCRIPT = str(HERE / "scripts" / "replica-postgres.sh")
RETRYABLE = (502, 503, 504)


class Stats(lt.Stats):
    """Latencies and errors of one kind, with each error's time (to tell errors while settling from the others)."""

    def __init__(self, kind):
        super().__init__(kind)
        self.error_times = []
        self.retries = 0

    def error(self, seconds, what):
        super().error(seconds, what)
        with self.lock:
            self.error_times.append(time.time())


class Balanced:
    """One keep-alive connection per instance; requests go round robin and are retried on the other instance. An
    instance that cannot be reached is passed over for 5 s (a balancer's passive health check), then tried again."""

    def __init__(self, ports, token, seed):
        self.clients = [ts.Client("127.0.0.1", p, token, timeout=60) for p in ports]
        self.down_until = [0.0] * len(ports)
        self.turn = seed % len(ports)

    def _next(self):
        now = time.time()
        for _ in range(len(self.clients)):
            i = self.turn
            self.turn = (self.turn + 1) % len(self.clients)
            if self.down_until[i] <= now:
                return i
        i = self.turn  # every instance passed over: try the next one anyway
        self.turn = (self.turn + 1) % len(self.clients)
        return i

    def request(self, stats, expected, method, path, body=None, content_type=None):
        t0 = time.perf_counter()
        pause = 0.1
        last = None
        for attempt in range(6):
            i = self._next()
            try:
                status, _, data = self.clients[i].request(method, path, body=body, content_type=content_type)
                if status in expected:
                    stats.ok(time.perf_counter() - t0, status)
                    return status
                last = "%s %s -> %d %s" % (method, path, status, data[:200].decode(errors="replace"))
                if status not in RETRYABLE:
                    break
            except Exception as e:  # unreachable or cut off: the balancer tries the other instance
                last = "%s %s: %r" % (method, path, e)
                if isinstance(e, ConnectionRefusedError):
                    self.down_until[i] = time.time() + 5
            with stats.lock:
                stats.retries += 1
            time.sleep(pause)
            pause *= 2
        stats.error(time.perf_counter() - t0, last)
        return None

    def close(self):
        for c in self.clients:
            c.close()


def replica_script(*args, check=True):
    r = subprocess.run([REPLICA_SCRIPT, *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError("replica-postgres.sh %s failed: %s" % (" ".join(args), r.stderr[-2000:]))
    return r.stdout


def sql(pg_dir, statement):
    """Rows of a statement on the primary, fields split on '|'."""
    out = replica_script("psql", pg_dir, "-At", "-v", "ON_ERROR_STOP=1", "-c", statement)
    return [line.split("|") for line in out.splitlines() if line]


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("seconds", nargs="?", type=int, default=300)
    a.add_argument("--jar", default=str(HERE / ts.JAR))
    a.add_argument("--work", default="/tmp/gongkai-trials")
    a.add_argument("--http-ports", default="18995,18996")
    a.add_argument("--pg-ports", default="55995,55996", help="primary,replica")
    a.add_argument("--reports", type=int, default=30000, help="generated reports loaded before the clock starts")
    a.add_argument("--readers", type=int, default=6, help="dashboard clients (views and queries)")
    a.add_argument("--writers", type=int, default=2, help="clients posting single reports")
    a.add_argument("--think-ms", type=float, default=50, help="mean pause between a client's requests")
    a.add_argument("--schedule-every", type=int, default=5, help="seconds between the scheduled export's runs")
    a.add_argument("--lease", type=int, default=9, help="gongkai.exports.schedules.lease, seconds")
    a.add_argument("--kill-instance-at", type=float, default=0.3, help="share of the run")
    a.add_argument("--kill-replica-at", type=float, default=0.5)
    a.add_argument("--restart-replica-at", type=float, default=0.7)
    a.add_argument("--settle", type=float, default=15, help="seconds after a kill or restart that errors are set apart")
    args = a.parse_args()

    token = os.environ.get("GONGKAI_TOKEN") or secrets.token_hex(32)
    work = Path(args.work)
    corpus = ts.generate(args.jar, args.reports, work / "corpus")
    singles_file, bulk_file = ts.split_corpus(corpus)
    singles = ts.read_lines(singles_file)

    run = work / "cluster"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    pg_dir = str(run / "pg")
    pg_ports = [int(p) for p in args.pg_ports.split(",")]
    http_ports = [int(p) for p in args.http_ports.split(",")]
    ts.log("starting a primary and a streaming replica (%s)" % pg_dir)
    instances = []
    try:
        primary_url, replica_url = replica_script("start", pg_dir, str(pg_ports[0]), str(pg_ports[1])).split()
        exports = run / "exports"  # the shared folder every instance writes its scheduled exports under
        for i, port in enumerate(http_ports):
            name = "abcdefgh"[i]
            env = {
                "QUARKUS_DATASOURCE_JDBC_URL": primary_url,
                "QUARKUS_DATASOURCE_USERNAME": "postgres",
                "QUARKUS_DATASOURCE_PASSWORD": "postgres",
                "GONGKAI_REPLICA_URL": replica_url,
                "GONGKAI_EXPORTS_ROOT": str(exports),
                "GONGKAI_EXPORTS_SCHEDULES_MIN_INTERVAL": "PT%dS" % args.schedule_every,
                "GONGKAI_EXPORTS_SCHEDULES_LEASE": "PT%dS" % args.lease,
                "GONGKAI_EXPORTS_SCHEDULES_SYNC_INTERVAL": "PT2S",
                "GONGKAI_CLUSTER_INSTANCE_ID": name,
            }
            instances.append(ts.Service(args.jar, run / ("none-" + name), port, 0, token,
                                        run / ("instance-%s.log" % name), extra_env=env))
        for i, s in enumerate(instances):
            ts.log("starting instance %s on port %d" % ("abcdefgh"[i], s.http_port))
            ts.log("ready in %.1f s" % s.start())
            if i == 0:
                preload(s, token, bulk_file)
        return trial(args, token, instances, http_ports, singles, pg_dir)
    finally:
        for s in instances:
            s.stop()
        replica_script("stop", pg_dir, check=False)


def preload(service, token, bulk_file):
    """The bulk share of the corpus through the first instance, so that the dashboards have data to read."""
    t0 = time.time()
    c = ts.Client("127.0.0.1", service.http_port, token, timeout=600)
    stored = 0
    for block in ts.chunks(bulk_file, 5000):
        for line in c.stream("POST", "/api/reports/bulk", b"\n".join(block) + b"\n", "application/x-ndjson"):
            o = json.loads(line)
            if o.get("status") in ("stored", "unchanged"):
                stored += 1
    ts.log("preloaded %d reports in %.1f s" % (stored, time.time() - t0))


def trial(args, token, instances, http_ports, singles, pg_dir):
    kinds = {k: Stats(k) for k in ("view", "query", "single")}
    stop = threading.Event()
    single_iter = itertools.cycle(singles)
    single_lock = threading.Lock()

    def pause(rnd):
        time.sleep(rnd.uniform(0, 2 * args.think_ms / 1000.0))

    def reader(seed):
        rnd = random.Random(seed)
        b = Balanced(http_ports, token, seed)
        while not stop.is_set():
            if rnd.random() < 0.6:
                b.request(kinds["view"], (200,), "GET", rnd.choice(lt.view_paths(rnd)))
            else:
                body = json.dumps(rnd.choice(lt.query_bodies(rnd))).encode()
                b.request(kinds["query"], (200,), "POST", "/api/query", body, "application/json")
            pause(rnd)
        b.close()

    def writer(seed):
        rnd = random.Random(seed)
        b = Balanced(http_ports, token, seed)
        while not stop.is_set():
            with single_lock:
                body = next(single_iter)
            # a post retried after its instance died may have been stored: then it answers 200 (unchanged)
            b.request(kinds["single"], (201, 200), "POST", "/api/reports", body, "application/json")
            pause(rnd)
        b.close()

    admin = ts.Client("127.0.0.1", http_ports[-1], token)
    schedule = {
        "name": "cluster trial", "cron": "*/%d * * * * ?" % args.schedule_every, "format": "csv",
        "targetFolder": "trial", "keep": 5,
        "query": {"metrics": ["requests.new.total", "outcome.granted.total", "rate.grant"],
                  "groupBy": ["agency", "year"]},
    }
    status, _, data = admin.request("POST", "/api/export-schedules", json.dumps(schedule).encode(), "application/json")
    if status != 201:
        raise RuntimeError("cannot create the schedule: %d %s" % (status, data[:300]))
    schedule_id = json.loads(data)["id"]
    admin.close()
    ts.log("schedule %d: every %d s" % (schedule_id, args.schedule_every))

    events = []  # (time, what)
    states = []  # (time, replica state, reads) as the last instance's health reports them

    def watch_health():
        c = ts.Client("127.0.0.1", http_ports[-1], token, timeout=5)
        last = None
        while not stop.is_set():
            try:
                _, _, body = c.request("GET", "/q/health/ready")
                check = next(x for x in json.loads(body)["checks"] if x["name"] == "replica")
                now = (check["data"]["state"], check["data"]["reads"])
            except Exception as e:
                now = ("unknown", repr(e)[:80])
            if now != last:
                states.append((time.time(), now[0], now[1]))
                last = now
            time.sleep(0.5)
        c.close()

    def choreography(started):
        def at(share):
            wait = started + share * args.seconds - time.time()
            if wait > 0 and not stop.wait(wait):
                return True
            return not stop.is_set()

        if at(args.kill_instance_at):
            # catch the first instance running a scheduled export, if it gets one within 20 s
            victim = instances[0]
            caught = False
            deadline = time.time() + 20
            while time.time() < deadline and not stop.is_set():
                rows = sql(pg_dir, "select id from export_run where schedule_id = %d and status = 'running'"
                                   " and owner like 'a-%%'" % schedule_id)
                if rows:
                    caught = True
                    break
                time.sleep(0.05)
            victim.kill9()
            events.append((time.time(), "killed instance a (kill -9)%s" % (
                ", while it ran scheduled run %s" % rows[0][0] if caught else ", not caught mid-run")))
            ts.log(events[-1][1])
        if at(args.kill_replica_at):
            replica_script("kill-replica", pg_dir)
            events.append((time.time(), "killed the replica (immediate shutdown)"))
            ts.log(events[-1][1])
        if at(args.restart_replica_at):
            began = time.time()
            replica_script("start-replica", pg_dir)
            events.append((began, "started the replica again (accepting connections %.1f s later)" % (
                time.time() - began)))
            ts.log(events[-1][1])

    threads = [threading.Thread(target=reader, args=(i + 1,), daemon=True) for i in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(100 + i,), daemon=True) for i in range(args.writers)]
    ts.log("running %d readers and %d writers for %d s" % (args.readers, args.writers, args.seconds))
    started = time.time()
    side = [threading.Thread(target=watch_health, daemon=True),
            threading.Thread(target=choreography, args=(started,), daemon=True)]
    for t in threads + side:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads + side:
        t.join(120)
    elapsed = time.time() - started
    # the run that was due last finishes (or is taken over and finishes) before the runs are counted
    last_due = datetime.now(timezone.utc)
    time.sleep(2)
    deadline = time.time() + args.lease * 3 + 30
    while time.time() < deadline and sql(pg_dir, "select 1 from export_run where schedule_id = %d and status ="
                                                 " 'running'" % schedule_id):
        time.sleep(1)
    return report(args, kinds, elapsed, started, events, states, schedule_id, pg_dir, last_due)


def report(args, kinds, elapsed, started, events, states, schedule_id, pg_dir, last_due):
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print("cluster trial: %d s (%.0f s with the requests in flight at the end), %s UTC, %d cores (shared machine: "
          "uptime %s)" % (args.seconds, elapsed, time.strftime("%Y-%m-%d %H:%M", time.gmtime(started)),
                          os.cpu_count(), uptime))
    print("two instances, one primary, one streaming replica; %d readers, %d writers, pauses %.0f ms on average; "
          "round robin with retries on the other instance" % (args.readers, args.writers, args.think_ms))
    for t, what in events:
        print("  at %5.1f s: %s" % (t - started, what))
    windows = [(t, t + args.settle) for t, _ in events]

    def settling(t):
        return any(lo <= t <= hi for lo, hi in windows)

    print("%-7s %9s %8s %8s %8s %9s %8s %7s %9s" % (
        "kind", "requests", "per s", "p50 ms", "p95 ms", "max ms", "retries", "errors", "settled"))
    errors_settled = 0
    total = 0
    for k in kinds.values():
        lat = k.latencies
        after = sum(1 for t in k.error_times if not settling(t))
        errors_settled += after
        total += len(lat)
        print("%-7s %9d %8.1f %8.1f %8.1f %9.1f %8d %7d %9d" % (
            k.kind, len(lat), len(lat) / elapsed, ts.percentile(lat, 50) * 1000, ts.percentile(lat, 95) * 1000,
            (max(lat) if lat else float("nan")) * 1000, k.retries, k.errors, after))
    print("all     %9d %8.1f   (errors: all of them; settled: outside the %.0f s after each kill or restart)" % (
        total, total / elapsed, args.settle))
    for k in kinds.values():
        for s in k.samples:
            print("  error (%s): %s" % (k.kind, s))
    print("replica as instance b's /q/health saw it:")
    for t, state, reads in states:
        print("  at %5.1f s: %s (reads: %s)" % (max(0.0, t - started), state, reads))

    rows = sql(pg_dir, "select to_char(fire_time at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), attempt, status,"
                       " split_part(owner, '-', 1), takeovers from export_run where schedule_id = %d"
                       " order by fire_time, attempt" % schedule_id)
    by_due = {}
    for due, attempt, status, owner, takeovers in rows:
        by_due.setdefault(due, []).append((int(attempt), status, owner, int(takeovers)))
    duplicates = [d for d, rs in by_due.items() if len([r for r in rs if r[0] == 1]) != 1]
    unfinished = [d for d, rs in by_due.items() if not any(r[1] == "succeeded" for r in rs)]
    taken = [(d, r) for d, rs in by_due.items() for r in rs if r[3] > 0]
    owners = {}
    for rs in by_due.values():
        owners[rs[-1][2]] = owners.get(rs[-1][2], 0) + 1
    missing = []
    if by_due:
        first = datetime.strptime(min(by_due), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
        t = first
        while t <= last_due - timedelta(seconds=1):
            key = t.strftime("%Y-%m-%d %H:%M:%S")
            if key not in by_due:
                missing.append(key)
            t += timedelta(seconds=args.schedule_every)
    print("scheduled export every %d s: %d due times recorded from %s to %s; ran by instance: %s" % (
        args.schedule_every, len(by_due), min(by_due) if by_due else "-", max(by_due) if by_due else "-",
        ", ".join("%s %d" % kv for kv in sorted(owners.items()))))
    print("  recorded more or less than once: %d; without a succeeded attempt: %d; due times with no record: %d;"
          " taken over: %d%s" % (
              len(duplicates), len(unfinished), len(missing), len(taken),
              "".join("\n    run due %s taken over (attempt %d, %s, now owned by %s)" % (d, r[0], r[1], r[2])
                      for d, r in taken)))
    for d in (duplicates + unfinished + missing)[:10]:
        print("    %s: %s" % (d, by_due.get(d, "no record")))
    passed = errors_settled == 0 and not duplicates and not unfinished and not missing and by_due
    print("%s: %d errors outside the settling windows (%d in all), each due time recorded once: %s" % (
        "PASS" if passed else "FAIL", errors_settled, sum(k.errors for k in kinds.values()),
        "yes" if not duplicates and not missing and not unfinished else "no"))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
