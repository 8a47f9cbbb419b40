#!/usr/bin/env python3
"""The answer cache's figure from outside any JVM: asks one dashboard question again and again over one keep-alive
HTTP/1.1 connection (Python's http.client, standard library), checks that each answer after the first says
`Gongkai-Cache: hit`, and prints p50 and p95 of the timed requests after the untimed warm-up ones (the service's hit
path compiled by the JIT, as on a serving instance). Exit 1 when an answer is not 200 or not a hit.

Usage: scripts/cache-hits.py [--url http://localhost:8080] [--path /api/views/items-published?regionCode=440000]
                             [--warm-up 3000] [--runs 2000]        (token: GONGKAI_TOKEN)
"""

import argparse
import http.client
import os
import sys
import time
from urllib.parse import urlsplit


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--url", default="http://localhost:8080")
    a.add_argument("--path", default="/api/views/items-published?regionCode=440000")
    a.add_argument("--warm-up", type=int, default=3000)
    a.add_argument("--runs", type=int, default=2000)
    args = a.parse_args()
    token = os.environ.get("GONGKAI_TOKEN")
    if not token:
        sys.exit("set GONGKAI_TOKEN to a token that may read the path")
    u = urlsplit(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=30)
    headers = {"Authorization": "Bearer " + token}

    def ask():
        t0 = time.perf_counter()
        conn.request("GET", args.path, headers=headers)
        r = conn.getresponse()
        r.read()
        ms = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            sys.exit("%s answered %d" % (args.path, r.status))
        return ms, r.getheader("Gongkai-Cache") == "hit"

    ask()  # computed once, kept
    for _ in range(args.warm_up):
        ask()
    timed = [ask() for _ in range(args.runs)]
    ms = sorted(t for t, _ in timed)
    hits = sum(1 for _, h in timed if h)
    p50 = ms[len(ms) // 2]
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print("repeated question %s: p50 %.2f ms, p95 %.2f ms, %d of %d from the cache (after %d untimed)"
          % (args.path, p50, p95, hits, len(ms), args.warm_up))
    sys.exit(0 if hits == len(ms) else 1)


if __name__ == "__main__":
    main()
