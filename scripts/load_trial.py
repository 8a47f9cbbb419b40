"""Mixed load on loopback (scripts/load-trial.sh): single report posts, bulk loads, document posts, queries and
views from concurrent clients against the packaged service on a fresh data directory; prints throughput, p50/p95 per
kind and errors. Exit 0 when there is no error and the single-POST p95 is at most --single-p95-ms."""

import argparse
import itertools
import json
import os
import random
import secrets
import shutil
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trial_service as ts  # noqa: E402

PROVINCES = [
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000", "320000", "330000",
    "340000", "350000", "360000", "370000", "410000", "420000", "430000", "440000", "450000", "460000", "500000",
    "510000", "520000", "530000", "540000", "610000", "620000", "630000", "640000", "650000"]


class Stats:
    """Latencies and errors of one kind of request."""

    def __init__(self, kind):
        self.kind = kind
        self.latencies = []
        self.errors = 0
        self.samples = []
        self.statuses = {}
        self.lock = threading.Lock()

    def ok(self, seconds, status):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def error(self, seconds, what):
        with self.lock:
            self.errors += 1
            if seconds is not None:
                self.latencies.append(seconds)
            if len(self.samples) < 5:
                self.samples.append(what[:300])


def timed(client, stats, expected, method, path, body=None, content_type=None):
    t0 = time.perf_counter()
    try:
        status, _, data = client.request(method, path, body=body, content_type=content_type)
    except Exception as e:  # a broken connection is an error of the service
        stats.error(time.perf_counter() - t0, "%s %s: %r" % (method, path, e))
        return None
    dt = time.perf_counter() - t0
    if status in expected:
        stats.ok(dt, status)
    else:
        stats.error(dt, "%s %s -> %d %s" % (method, path, status, data[:200].decode(errors="replace")))
    return status


def main():
    here = Path(__file__).resolve().parent.parent
    a = argparse.ArgumentParser(description=__doc__)
    a.add_argument("seconds", nargs="?", type=int, default=300)
    a.add_argument("--jar", default=str(here / ts.JAR))
    a.add_argument("--work", default="/tmp/gongkai-trials")
    a.add_argument("--http-port", type=int, default=18991)
    a.add_argument("--pg-port", type=int, default=55991)
    a.add_argument("--reports", type=int, default=0, help="generated reports (default 800 a second of the trial)")
    a.add_argument("--single-clients", type=int, default=4)
    a.add_argument("--bulk-clients", type=int, default=1)
    a.add_argument("--bulk-lines", type=int, default=2500, help="lines per bulk request")
    a.add_argument("--document-clients", type=int, default=1)
    a.add_argument("--query-clients", type=int, default=2)
    a.add_argument("--view-clients", type=int, default=2)
    a.add_argument("--batch-size", type=int, default=0, help="gongkai.bulk.batch-size (default: the service's)")
    a.add_argument("--think-ms", type=float, default=100,
                   help="mean pause of single, query and view clients between requests (uniform 0..2x)")
    a.add_argument("--single-p95-ms", type=float, default=500)
    args = a.parse_args()

    token = os.environ.get("GONGKAI_TOKEN") or secrets.token_hex(32)
    work = Path(args.work)
    reports = args.reports or max(20000, args.seconds * 800)
    corpus = ts.generate(args.jar, reports, work / "corpus")
    singles_file, bulk_file = ts.split_corpus(corpus)
    singles = ts.read_lines(singles_file)
    ts.log("corpus: %d single-post lines, bulk lines in %s" % (len(singles), bulk_file))
    documents = seed_documents(here)

    run = work / "load"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    service = ts.Service(args.jar, run / "pg", args.http_port, args.pg_port, token, run / "service.log",
                         args.batch_size or None)
    ts.log("starting the service (log: %s)" % service.log_path)
    try:
        took = service.start()
        ts.log("service ready in %.1f s" % took)
        return trial(args, token, service, singles, bulk_file, documents)
    finally:
        service.stop()


def trial(args, token, service, singles, bulk_file, documents):
    kinds = {k: Stats(k) for k in ("single", "bulk", "document", "query", "view")}
    bulk_lines = {"stored": 0, "unchanged": 0, "rejected": 0, "reports": 0}
    single_iter = itertools.cycle(singles)
    single_lock = threading.Lock()
    stop = threading.Event()

    def pause(rnd):
        time.sleep(rnd.uniform(0, 2 * args.think_ms / 1000.0))

    def single_client(seed):
        rnd = random.Random(seed)
        c = ts.Client("127.0.0.1", args.http_port, token)
        while not stop.is_set():
            with single_lock:
                body = next(single_iter)
            timed(c, kinds["single"], (201, 200), "POST", "/api/reports", body, "application/json")
            pause(rnd)
        c.close()

    def bulk_client(seed):
        c = ts.Client("127.0.0.1", args.http_port, token, timeout=600)
        source = chunks_forever(bulk_file, args.bulk_lines, seed, args.bulk_clients)
        while not stop.is_set():
            block = next(source)
            t0 = time.perf_counter()
            counts = {"stored": 0, "unchanged": 0, "rejected": 0}
            summary = None
            try:
                for line in c.stream("POST", "/api/reports/bulk", b"\n".join(block) + b"\n", "application/x-ndjson"):
                    o = json.loads(line)
                    if "line" in o:
                        counts[o["status"]] = counts.get(o["status"], 0) + 1
                    else:
                        summary = o
            except Exception as e:
                kinds["bulk"].error(time.perf_counter() - t0, "bulk: %r" % e)
                continue
            dt = time.perf_counter() - t0
            with kinds["bulk"].lock:
                for k, v in counts.items():
                    bulk_lines[k] = bulk_lines.get(k, 0) + v
                bulk_lines["reports"] += counts["stored"] + counts["unchanged"]
            if c.last_status != 200 or summary is None or counts["rejected"] or \
                    counts["stored"] + counts["unchanged"] != len(block):
                kinds["bulk"].error(dt, "bulk -> %s, %s, summary %s" % (c.last_status, counts, summary))
            else:
                kinds["bulk"].ok(dt, 200)

    def document_client(seed):
        rnd = random.Random(seed)
        c = ts.Client("127.0.0.1", args.http_port, token)
        n = 0
        while not stop.is_set():
            name, data = documents[n % len(documents)]
            n += 1
            url = "/api/documents?sourceUrl=" + urllib.parse.quote(
                "https://example.gov.cn/trial/%d/%d/%s" % (seed, n, name), safe="")
            timed(c, kinds["document"], (200, 201, 202, 422), "POST", url, data, "application/octet-stream")
            time.sleep(rnd.uniform(0.1, 0.4))
        c.close()

    def query_client(seed):
        rnd = random.Random(seed)
        c = ts.Client("127.0.0.1", args.http_port, token)
        while not stop.is_set():
            body = json.dumps(rnd.choice(query_bodies(rnd))).encode()
            timed(c, kinds["query"], (200,), "POST", "/api/query", body, "application/json")
            pause(rnd)
        c.close()

    def view_client(seed):
        rnd = random.Random(seed)
        c = ts.Client("127.0.0.1", args.http_port, token)
        while not stop.is_set():
            timed(c, kinds["view"], (200,), "GET", rnd.choice(view_paths(rnd)))
            pause(rnd)
        c.close()

    # a few requests of each kind before the clock starts, so that the JIT and the pools are warm
    warm = ts.Client("127.0.0.1", args.http_port, token)
    for i in range(20):
        try:
            warm.request("POST", "/api/reports", next(single_iter), "application/json")
            warm.request("POST", "/api/query", json.dumps(query_bodies(random.Random(i))[i % 3]).encode(),
                         "application/json")
            warm.request("GET", view_paths(random.Random(i))[i % 4])
        except Exception as e:  # counted by the clients if it goes on
            ts.log("warm-up: %r" % e)
    warm.close()

    threads = []
    for kind, n, fn in (("single", args.single_clients, single_client), ("bulk", args.bulk_clients, bulk_client),
                        ("document", args.document_clients, document_client),
                        ("query", args.query_clients, query_client), ("view", args.view_clients, view_client)):
        for i in range(n):
            threads.append(threading.Thread(target=fn, args=(i + 1,), name="%s-%d" % (kind, i + 1), daemon=True))
    ts.log("running %d clients for %d s" % (len(threads), args.seconds))
    started = time.time()
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads:
        t.join(600)
    elapsed = time.time() - started

    print("load trial: %d s (%.0f s with the requests in flight at the end), %s UTC, %d cores; clients: %d single, "
          "%d bulk (%d-line requests), %d document, %d query, %d view (pauses %.0f ms on average); service log %s" % (
              args.seconds, elapsed, time.strftime("%Y-%m-%d %H:%M", time.gmtime(started)), os.cpu_count(),
              args.single_clients, args.bulk_clients, args.bulk_lines, args.document_clients, args.query_clients,
              args.view_clients, args.think_ms, service.log_path))
    print("%-9s %9s %8s %8s %8s %9s %7s" % ("kind", "requests", "per s", "p50 ms", "p95 ms", "max ms", "errors"))
    for k in kinds.values():
        lat = k.latencies
        print("%-9s %9d %8.1f %8.1f %8.1f %9.1f %7d" % (
            k.kind, len(lat), len(lat) / elapsed, ts.percentile(lat, 50) * 1000, ts.percentile(lat, 95) * 1000,
            (max(lat) if lat else float("nan")) * 1000, k.errors))
    print("single answers: %s; document answers: %s" % (
        dict(sorted(kinds["single"].statuses.items())), dict(sorted(kinds["document"].statuses.items()))))
    print("bulk lines: %d stored, %d unchanged, %d rejected; %.0f bulk reports/s" % (
        bulk_lines["stored"], bulk_lines["unchanged"], bulk_lines["rejected"], bulk_lines["reports"] / elapsed))
    errors = sum(k.errors for k in kinds.values())
    for k in kinds.values():
        for s in k.samples:
            print("  error (%s): %s" % (k.kind, s))
    p95 = ts.percentile(kinds["single"].latencies, 95) * 1000
    passed = errors == 0 and p95 <= args.single_p95_ms
    print("%s: %d errors, single-POST p95 %.1f ms (pass: 0 errors and p95 <= %.0f ms)" % (
        "PASS" if passed else "FAIL", errors, p95, args.single_p95_ms))
    return 0 if passed else 1


def chunks_forever(path, lines, seed, clients):
    """Every clients-th chunk of the bulk file from chunk seed-1 (each bulk client its own share), again from the
    start when it runs out (re-sent lines answer `unchanged`)."""
    while True:
        for i, block in enumerate(ts.chunks(path, lines)):
            if i % clients == seed - 1:
                yield block


def seed_documents(here):
    found = sorted((here / "src/test/resources/seeds").glob("*.txt"))
    shared = Path("/work/shared/corpus")
    if shared.is_dir():
        found += sorted(p for p in shared.iterdir() if p.suffix in (".txt", ".pdf", ".docx", ".html"))
    return [(p.name, p.read_bytes()) for p in found]


def query_bodies(rnd):
    p = rnd.choice(PROVINCES)
    return [
        {"metrics": ["requests.new.total", "outcome.granted.total", "rate.grant"], "groupBy": ["year", "province"]},
        {"metrics": ["requests.new.total", "outcome.granted.total"], "groupBy": ["year", "city"],
         "filters": {"regionCode": p}},
        {"metrics": ["requests.new.total"], "groupBy": ["year", "province"], "filters": {"regionCode": p}},
    ]


def view_paths(rnd):
    p = rnd.choice(PROVINCES)
    y = rnd.randint(2015, 2025)
    return [
        "/api/views/items-published?regionCode=%s&from=2015&to=2025" % p,
        "/api/views/request-outcomes?regionCode=%s&year=%d" % (p, y),
        "/api/views/rankings?metric=requests.new.total&regionCode=%s&year=%d&limit=20" % (p, y),
        "/api/views/coverage?regionCode=%s&year=%d" % (p, y),
    ]


if __name__ == "__main__":
    sys.exit(main())
