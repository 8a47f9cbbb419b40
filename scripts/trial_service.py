"""What the load and crash trials share: the packaged service as a child process on its own port and data
directory, an HTTP client that sends the bearer token, a generated corpus split into agencies for single posts and
agencies for bulk loads, and percentiles. Python 3 standard library only."""

import http.client
import json
import math
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

JAR = "target/quarkus-app/quarkus-run.jar"


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


class Service:
    """The packaged jar started on its own HTTP port, embedded PostgreSQL port and data directory."""

    def __init__(self, jar, data_dir, http_port, pg_port, token, log_path, batch_size=None, extra_env=None):
        self.jar = jar
        self.data_dir = Path(data_dir)
        self.http_port = http_port
        self.pg_port = pg_port
        self.token = token
        self.log_path = Path(log_path)
        self.batch_size = batch_size
        self.extra_env = dict(extra_env or {})  # e.g. an external database (QUARKUS_DATASOURCE_JDBC_URL) and replica
        self.proc = None
        self.starts = 0

    def start(self, timeout=180):
        env = dict(os.environ)
        env.update(
            GONGKAI_EMBEDDED_DATA_DIR=str(self.data_dir),
            GONGKAI_EMBEDDED_PORT=str(self.pg_port),
            QUARKUS_HTTP_PORT=str(self.http_port),
            GONGKAI_ADMIN_TOKEN=self.token,
        )
        if self.batch_size:
            env["GONGKAI_BULK_BATCH_SIZE"] = str(self.batch_size)
        env.update(self.extra_env)
        self.starts += 1
        out = open(self.log_path, "ab")
        out.write(("\n===== start %d at %s =====\n" % (self.starts, time.strftime("%H:%M:%S"))).encode())
        out.flush()
        t0 = time.time()
        self.proc = subprocess.Popen(
            ["java", "-Xmx1g", "-jar", self.jar], env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
        out.close()
        self.wait_ready(timeout)
        return time.time() - t0

    def wait_ready(self, timeout=180):
        """Until /q/health answers 200 and an authenticated API call answers 200 (the database is back)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError("the service exited with %s; see %s" % (self.proc.returncode, self.log_path))
            try:
                c = Client("127.0.0.1", self.http_port, self.token, timeout=5)
                s1, _, _ = c.request("GET", "/q/health")
                s2, _, _ = c.request("GET", "/api/reports?limit=1")
                c.close()
                if s1 == 200 and s2 == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError("the service did not become ready in %d s; see %s" % (timeout, self.log_path))

    def kill9(self):
        if self.proc is not None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def stop(self):
        """Stops the service; then its embedded PostgreSQL, by the pid in postmaster.pid, if it outlived it."""
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        for _ in range(40):
            try:
                pid = self.postmaster_pid()
                os.kill(pid, 0)
            except (OSError, ValueError, IndexError):
                return
            time.sleep(0.25)
        try:
            os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown
        except OSError:
            pass

    def postmaster_pid(self):
        """The first line of postmaster.pid: the embedded PostgreSQL's postmaster."""
        return int((self.data_dir / "postmaster.pid").read_text().splitlines()[0])

    def psql(self, sql, timeout=600):
        """Runs SQL (from stdin) on the embedded server with the password the service keeps in its data dir."""
        password = (self.data_dir / "gongkai-postgres.password").read_text().strip()
        env = dict(os.environ, PGPASSWORD=password)
        r = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", ",", "-h", "127.0.0.1", "-p",
             str(self.pg_port), "-U", "postgres", "-d", "postgres", "-f", "-"],
            input=sql.encode(), env=env, capture_output=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError("psql failed: " + r.stderr.decode(errors="replace")[:2000])
        return [line for line in r.stdout.decode().splitlines() if line]


class Client:
    """One keep-alive HTTP/1.1 connection on loopback that sends the bearer token; reconnects after an error."""

    def __init__(self, host, port, token, timeout=120):
        self.host, self.port, self.token, self.timeout = host, port, token, timeout
        self.conn = None
        self.last_status = None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.conn

    def request(self, method, path, body=None, content_type=None, headers=None):
        """(status, headers, body bytes); raises OSError / http.client errors on a broken connection."""
        h = {"Authorization": "Bearer " + self.token}
        if content_type:
            h["Content-Type"] = content_type
        if headers:
            h.update(headers)
        try:
            c = self._connection()
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            return r.status, dict(r.getheaders()), data
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def stream(self, method, path, body, content_type):
        """Sends the body on a fresh connection, then yields each answer line as it arrives (the bulk answers);
        the status is in self.last_status. The connection is closed afterwards, read to the end or broken off."""
        self.close()
        h = {"Authorization": "Bearer " + self.token, "Content-Type": content_type}
        c = self._connection()
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            self.last_status = r.status
            while True:
                line = r.readline()
                if not line:
                    break
                yield line
        finally:
            self.close()

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None


def generate(jar, reports, root):
    """A generated corpus without injected faults, made once and kept under root/<reports> for later runs."""
    out = Path(root) / str(reports)
    f = out / "reports.ndjson"
    if f.exists() and (out / "done").exists():
        return f
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    subprocess.run(
        ["java", "-jar", jar, "generate", "--reports", str(reports), "--fault-share", "0", "--no-truth",
         "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    (out / "done").write_text("ok\n")
    log("generated %d reports in %.1f s" % (reports, time.time() - t0))
    return f


def split_corpus(path, single_share=8):
    """Splits a generated corpus by agency into singles.ndjson (every single_share-th agency, by CRC-32 of its name
    and region) and bulk.ndjson (the others), beside it, once: a single post never repeats an agency-year of a bulk
    load (each agency-year appears once in a generated corpus), nor waits for a batch that holds its agency row."""
    path = Path(path)
    singles, bulk = path.parent / "singles.ndjson", path.parent / "bulk.ndjson"
    if (path.parent / "split").exists():
        return singles, bulk
    with open(path, "rb") as f, open(singles, "wb") as s, open(bulk, "wb") as b:
        for raw in f:
            if not raw.strip():
                continue
            # every generated line starts {"agency":{"name":…,"regionCode":…},"year":
            agency = raw[10:raw.index(b'},"year":')]
            (s if zlib.crc32(agency) % single_share == 0 else b).write(raw)
    (path.parent / "split").write_text("ok\n")
    return singles, bulk


def read_lines(path):
    with open(path, "rb") as f:
        return [line.rstrip(b"\n") for line in f if line.strip()]


def chunks(path, lines_per_chunk):
    """NDJSON bodies of lines_per_chunk lines read from path, in order, each with its lines."""
    with open(path, "rb") as f:
        block = []
        for line in f:
            if not line.strip():
                continue
            block.append(line.rstrip(b"\n"))
            if len(block) == lines_per_chunk:
                yield block
                block = []
        if block:
            yield block


def percentile(values, p):
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    s = sorted(values)
    return s[max(0, math.ceil(p / 100.0 * len(s)) - 1)]
