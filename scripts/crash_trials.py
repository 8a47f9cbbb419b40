"""Crash trials (scripts/crash-trials.sh): streams bulk loads and single report posts into the packaged service, kills
-9 at a random moment the service's JVM (odd trials) or its embedded PostgreSQL postmaster (even trials), lets the
service recover with no hand (a new start stops the orphaned server; a dead postmaster is restarted by the running
service), then checks with psql and the API that every acknowledged report is stored whole and that the roll-ups
equal the sums of the latest figures. Exit 0 when nothing acknowledged is lost or half-written and the roll-ups
agree."""

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trial_service as ts  # noqa: E402

# metrics whose roll-ups are checked after every trial (all metrics once at the end)
CHECKED = ("requests.new.total", "outcome.granted.total", "proactive.normative_docs.issued")


class Feed:
    """The corpus lines not sent yet: each is sent once, so every acknowledged report stays the latest."""

    def __init__(self, singles, bulk):
        self.singles, self.bulk = singles, bulk
        self.si = self.bi = 0
        self.lock = threading.Lock()

    def single(self):
        with self.lock:
            if self.si >= len(self.singles):
                return None
            self.si += 1
            return self.singles[self.si - 1]

    def chunk(self, n):
        with self.lock:
            block = self.bulk[self.bi:self.bi + n]
            self.bi += len(block)
            return block


class Acks:
    """Acknowledged reports: id -> the line posted; new ones since the last check."""

    def __init__(self):
        self.all = {}
        self.new = {}
        self.new_kind = {}
        self.lock = threading.Lock()
        self.by_kind = {"single": 0, "bulk": 0}

    def add(self, rid, raw, kind):
        with self.lock:
            if rid not in self.all:
                self.all[rid] = raw
                self.new[rid] = raw
                self.new_kind[rid] = kind
                self.by_kind[kind] += 1


def clients(port, token, feed, acks, stop, bulk_lines, single_clients, notes):
    def bulk():
        c = ts.Client("127.0.0.1", port, token, timeout=120)
        while not stop.is_set():
            block = feed.chunk(bulk_lines)
            if not block:
                notes.append("bulk lines used up")
                return
            try:
                for line in c.stream("POST", "/api/reports/bulk", b"\n".join(block) + b"\n", "application/x-ndjson"):
                    o = json.loads(line)
                    if "line" in o and o.get("status") in ("stored", "unchanged") and c.last_status == 200:
                        acks.add(int(o["id"]), block[o["line"] - 1], "bulk")
            except Exception:  # the service or its database went away: nothing more of this request is known
                time.sleep(0.2)

    def single():
        c = ts.Client("127.0.0.1", port, token, timeout=60)
        while not stop.is_set():
            raw = feed.single()
            if raw is None:
                notes.append("single lines used up")
                return
            try:
                status, _, data = c.request("POST", "/api/reports", raw, "application/json")
            except Exception:
                time.sleep(0.2)
                continue
            if status in (200, 201):
                acks.add(int(json.loads(data)["id"]), raw, "single")
            elif status >= 500:
                time.sleep(0.2)
            else:
                notes.append("single post answered %d: %s" % (status, data[:200]))

    threads = [threading.Thread(target=bulk, daemon=True)]
    threads += [threading.Thread(target=single, daemon=True) for _ in range(single_clients)]
    for t in threads:
        t.start()
    return threads


def check_reports(service, acks, rnd, sample=200):
    """(lost, half-written, reports without figures, acknowledged, new): lost counts every acknowledged id so far;
    half-written the new ones with fewer figure rows than they posted figures, or, for every new single post and a
    sample of the new bulk lines, a posted figure not stored with the posted value; the third, any resolved report row
    with no figure at all (acknowledged or not)."""
    with acks.lock:
        every = list(acks.all)
        new = dict(acks.new)
        kinds = dict(acks.new_kind)
        acks.new.clear()
        acks.new_kind.clear()
    bulk_ids = [i for i in new if kinds[i] == "bulk"]
    compared = set(i for i in new if kinds[i] == "single")
    compared.update(rnd.sample(bulk_ids, min(sample, len(bulk_ids))))
    counts, values = [], []
    for rid, raw in new.items():
        figures = json.loads(raw)["figures"]
        counts.append("%d\t%d" % (rid, len(figures)))
        if rid not in compared:
            continue
        for key, f in figures.items():
            v = f["value"] if isinstance(f, dict) else f
            if v is not None:
                values.append("%d\t%s\t%s" % (rid, key, v))
    sql = ["create temp table ack (id bigint primary key);", "copy ack from stdin;"]
    sql += [str(i) for i in every] + ["\\."]
    sql += ["create temp table fresh (id bigint primary key, n int);", "copy fresh from stdin;"]
    sql += counts + ["\\."]
    sql += ["create temp table posted (id bigint, key text, value numeric);", "copy posted from stdin;"]
    sql += values + ["\\.", "analyze ack; analyze fresh; analyze posted;"]
    sql.append("""
select (select count(*) from ack a where not exists (select 1 from report r where r.id = a.id)),
       (select count(*) from (
            select x.id from fresh x join report r on r.id = x.id
            where x.n > (select count(*) from figure f where f.report_id = x.id and f.year = r.year)
            union
            select p.id from posted p join report r on r.id = p.id
            where not exists (select 1 from figure f join metric m on m.id = f.metric_id
                              where f.report_id = p.id and f.year = r.year and m.key = p.key and f.value = p.value)
        ) h),
       (select count(*) from report r where r.status = 'resolved'
         and not exists (select 1 from figure f where f.report_id = r.id and f.year = r.year));
""")
    out = service.psql("\n".join(sql) + "\n")
    lost, half, empty = (int(x) for x in out[-1].split(","))
    return lost, half, empty, len(every), len(new)


def check_rollups(service, metrics=None, nation_only=False):
    """Roll-up rows (nation, provinces, cities, seated-here rows) that differ from the sums of the latest figures
    computed from the figure table, for the given metric keys (None: every metric), and for the report counts, or
    whose level is not their scope's depth (0 nation, 1 province, 2 city). A "seated here" row is only for agencies
    seated at a province or city itself (region level 1 or 2; a city without counties is a level-3 entry).
    Compared once the roll-up sums bulk requests left waiting are folded (rollup_pending empty): at the service's
    start, by the next bulk request, or within gongkai.bulk.fold-poll; waiting longer than 60 s counts as a failure."""
    deadline = time.time() + 60
    while int(service.psql("select count(*) from rollup_pending;")[-1]) > 0 and time.time() < deadline:
        time.sleep(1)
    where = "" if metrics is None else "and m.key in (%s)" % ", ".join("'%s'" % k for k in metrics)
    mid = "true" if metrics is None else (
        "(u.metric_id = 0 or u.metric_id in (select m.id from metric m where true %s))" % where)
    sql = """
with latest as (select id, year, region_code, province_code, city_code from report where is_latest),
scopes as (
    select distinct r.id, r.year, s.scope, s.direct, s.level
    from latest r join region h on h.code = r.region_code
    cross join lateral (values ('000000'::char(6), false, 0), (r.province_code, false, 1), (r.city_code, false, 2),
        (case when h.level < 3 then r.region_code end, true, h.level::int))
        as s(scope, direct, level)
    where s.scope is not null %s),
truth as (
    select s.scope, s.direct, s.level, s.year::int as year, f.metric_id::int as metric_id, sum(f.value) as value,
           count(*)::numeric as reports
    from scopes s join figure f on f.report_id = s.id and f.year = s.year join metric m on m.id = f.metric_id
    where true %s
    group by 1, 2, 3, 4, 5
    union all
    select scope, direct, level, year::int, 0, count(*)::numeric, count(*)::numeric from scopes group by 1, 2, 3, 4),
rolled as (
    select u.scope, u.direct, u.level::int as level, u.year::int as year, u.metric_id::int as metric_id, u.value,
           u.reports::numeric
    from rollup u where %s %s)
select count(*), count(*) filter (where t.scope is null and u.reports <> 0),
       count(*) filter (where u.scope is null)
from truth t full join rolled u
  on t.scope = u.scope and t.direct = u.direct and t.year = u.year and t.metric_id = u.metric_id
where coalesce(t.value, 0) <> coalesce(u.value, 0) or coalesce(t.reports, 0) <> coalesce(u.reports, 0)
   or t.level <> u.level;
""" % ("and s.scope = '000000'" if nation_only else "", where, mid,
       "and u.scope = '000000'" if nation_only else "")
    out = service.psql(sql)
    return int(out[-1].split(",")[0])


def check_query(client):
    """Province sums of requests.new.total from the roll-ups (POST /api/query by province) against the same sums
    from the raw figures (grouped by province and sector, which the roll-ups do not hold, summed here)."""
    def rows(body):
        status, _, data = client.request("POST", "/api/query", json.dumps(body).encode(), "application/json")
        if status != 200:
            raise RuntimeError("query -> %d %s" % (status, data[:300]))
        r = json.loads(data)
        keys = [c["key"] for c in r["columns"]]
        return [dict(zip(keys, row)) for row in r["rows"]]

    def value(v):
        return float(v["value"] if isinstance(v, dict) else (v or 0))

    m = "requests.new.total"
    rolled = {r["provinceCode"]: value(r[m]) for r in rows({"metrics": [m], "groupBy": ["province"], "limit": 1000})}
    raw = {}
    for r in rows({"metrics": [m], "groupBy": ["province", "sector"], "limit": 10000}):
        raw[r["provinceCode"]] = raw.get(r["provinceCode"], 0.0) + value(r[m])
    keys = set(rolled) | set(raw)
    return sum(1 for k in keys if abs(rolled.get(k, 0.0) - raw.get(k, 0.0)) > 1e-6), len(keys)


def restarted_postmaster(service, old_pid, timeout):
    """Waits until postmaster.pid names a live postmaster other than the one killed (the service restarts it)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            pid = service.postmaster_pid()
            if pid != old_pid:
                os.kill(pid, 0)
                return pid
        except (OSError, ValueError, IndexError):
            pass
        time.sleep(0.1)
    raise RuntimeError("no new postmaster in %d s" % timeout)


def main():
    here = Path(__file__).resolve().parent.parent
    a = argparse.ArgumentParser(description=__doc__)
    a.add_argument("trials", nargs="?", type=int, default=20)
    a.add_argument("--jar", default=str(here / ts.JAR))
    a.add_argument("--work", default="/tmp/gongkai-trials")
    a.add_argument("--http-port", type=int, default=18992)
    a.add_argument("--pg-port", type=int, default=55992)
    a.add_argument("--reports", type=int, default=100000)
    a.add_argument("--bulk-lines", type=int, default=1000, help="lines per bulk request")
    a.add_argument("--single-clients", type=int, default=2)
    a.add_argument("--min-seconds", type=float, default=2, help="earliest kill after the clients start")
    a.add_argument("--max-seconds", type=float, default=6, help="latest kill after the clients start")
    a.add_argument("--seed", type=int, default=int(time.time()))
    args = a.parse_args()
    rnd = random.Random(args.seed)

    token = os.environ.get("GONGKAI_TOKEN") or secrets.token_hex(32)
    work = Path(args.work)
    corpus = ts.generate(args.jar, args.reports, work / "corpus")
    singles_file, bulk_file = ts.split_corpus(corpus)
    # a report posted without figures would look half-written (a report row with none): none are sent
    feed = Feed(*([x for x in ts.read_lines(f) if b'"figures":{}' not in x] for f in (singles_file, bulk_file)))
    run = work / "crash"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    service = ts.Service(args.jar, run / "pg", args.http_port, args.pg_port, token, run / "service.log")
    ts.log("starting the service (log: %s), seed %d" % (service.log_path, args.seed))
    started = time.time()
    service.start()
    acks = Acks()
    totals = {"lost": 0, "half": 0, "empty": 0, "rollups": 0, "query": 0, "unrecovered": 0}
    kills = {"service JVM": 0, "PostgreSQL postmaster": 0}
    recoveries = []
    notes = []
    try:
        for trial in range(1, args.trials + 1):
            stop = threading.Event()
            threads = clients(args.http_port, token, feed, acks, stop, args.bulk_lines, args.single_clients, notes)
            wait = rnd.uniform(args.min_seconds, args.max_seconds)
            time.sleep(wait)
            t0 = time.time()
            try:
                if trial % 2 == 1:
                    target = "service JVM"
                    pid = service.proc.pid
                    service.kill9()
                    stop.set()
                    for t in threads:
                        t.join(130)
                    service.start(timeout=180)
                else:
                    target = "PostgreSQL postmaster"
                    pid = service.postmaster_pid()
                    os.kill(pid, signal.SIGKILL)
                    restarted_postmaster(service, pid, timeout=60)
                    service.wait_ready(timeout=120)
                    time.sleep(1)  # the clients write a little more through the restarted server
                    stop.set()
                    for t in threads:
                        t.join(130)
            except RuntimeError as e:
                totals["unrecovered"] += 1
                print("trial %d: %s did not recover: %s" % (trial, target, e), flush=True)
                stop.set()
                service.kill9()
                service.start(timeout=180)
            recovered = time.time() - t0
            recoveries.append(recovered)
            kills[target] += 1
            lost, half, empty, total, new = check_reports(service, acks, rnd)
            mismatched = check_rollups(service, CHECKED)
            c = ts.Client("127.0.0.1", args.http_port, token)
            try:
                wrong_provinces, provinces = check_query(c)
            except (RuntimeError, OSError, ValueError, KeyError) as e:
                notes.append("query check failed: %r" % e)
                wrong_provinces, provinces = 1, 0
            c.close()
            totals["lost"] = max(totals["lost"], lost)  # lost counts every acknowledged id each time
            totals["half"] += half
            totals["empty"] = max(totals["empty"], empty)
            totals["rollups"] += mismatched
            totals["query"] += wrong_provinces
            print("trial %2d/%d: kill -9 %s (pid %d) after %.1f s, answering again %.1f s later; acknowledged +%d "
                  "(%d in all): lost %d, half-written %d, reports without figures %d, roll-up rows off %d, "
                  "query provinces off %d of %d" % (
                      trial, args.trials, target, pid, wait, recovered, new, total, lost, half, empty, mismatched,
                      wrong_provinces, provinces), flush=True)
        full = check_rollups(service, None, nation_only=True)
        totals["rollups"] += full
    finally:
        service.stop()

    acked = len(acks.all)
    found = acked - totals["lost"]
    print("crash trials: %d in %.0f s, %s UTC, %d cores, seed %d; kill -9 of the %s %d times, of the %s %d times; "
          "answering again after %.1f s median, %.1f s at most" % (
              args.trials, time.time() - started, time.strftime("%Y-%m-%d %H:%M", time.gmtime(started)),
              os.cpu_count(), args.seed, "service JVM", kills["service JVM"], "PostgreSQL postmaster",
              kills["PostgreSQL postmaster"], ts.percentile(recoveries, 50), max(recoveries) if recoveries else 0))
    print("acknowledged %d (%d single posts, %d bulk lines), found %d, lost %d, half-written %d; reports without "
          "figures %d; roll-up rows off %d (every metric of the nation checked at the end: %d); query provinces off %d; "
          "unrecovered %d" % (
              acked, acks.by_kind["single"], acks.by_kind["bulk"], found, totals["lost"], totals["half"],
              totals["empty"], totals["rollups"], full, totals["query"], totals["unrecovered"]))
    for n in sorted(set(notes))[:5]:
        print("  note: %s" % n)
    passed = (totals["lost"] == 0 and totals["half"] == 0 and totals["empty"] == 0 and totals["rollups"] == 0
              and totals["query"] == 0 and totals["unrecovered"] == 0 and acked > 0)
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
