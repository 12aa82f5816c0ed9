"""Load-test ``vntimeline serve`` on loopback, next to static-file floors (issue 16).

It starts the real command (``python -m vntimeline serve``) on a copy of the
bundled data, fetches the combined feed once, and starts three servers that
answer every request with those same bytes, prebuilt:

* the *asyncio floor*, a minimal asyncio protocol in this script: one write
  per request head, no parsing, no routing, no log;
* the *stdlib floor*, :mod:`http.server` with keep-alive, a thread per
  connection and one write per response;
* *bare uvicorn*, the HTTP server vntimeline runs on, with an app that only
  sends the bytes: what of the cost is the server's, not vntimeline's.

Then, against each in turn (interleaved, *repeat* times, keeping the median
run), a client in this process runs keep-alive GETs of the feed at each
concurrency level (1, 16, 64, 256 connections) and records requests/s,
latency percentiles, errors and timeouts, and the CPU time the server
spent per request (from /proc: the server's own cost, which the client's
speed does not blur). Client and server run on different cores (when there
are two), and the server's log goes to a file, so the client never waits on
a core the server holds, nor spends its time reading the server's log.
Finally it holds 1,000 idle
connections open to ``vntimeline serve`` (each makes one request, then
holds still), measures the server's RSS before and with them, and runs a
16-connection load without and with them.

    python benchmarks/serve_load.py                  # the full run, about a minute
    python benchmarks/serve_load.py --requests 50 --levels 1,4 --idle 20 --repeat 1  # smoke

Everything stays on 127.0.0.1, every run is bounded in requests and in time
(``--cap``, ``--timeout``), and every server is stopped at the end. It
prints a table and writes ``serve_results.json``. Timings are not asserted
anywhere: this measures, it does not judge CI. The targets it reports
against: 0 errors and 0 timeouts at concurrency 256; concurrency 1 not
slower than the floor; 1,000 idle connections cost < 50 MiB and do not slow
the other clients.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = 1
FEED = "/vntimeline.ics"
#: The floors of serve_floors.py, in the order they are measured.
FLOORS = ("asyncio", "stdlib", "uvicorn")
IDLE_RSS_TARGET_MIB = 50.0


# -- the servers under test ---------------------------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen[str]
    port: int

    def cpu_seconds(self) -> float:
        """The CPU time the server process has used so far, all threads, user and system."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text(encoding="ascii")
        utime, stime = fields.rsplit(")", 1)[1].split()[11:13]
        return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        """The server process's resident memory now (Linux: /proc), in MiB."""
        with Path(f"/proc/{self.process.pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS in /proc")


#: The cores of the client (this process) and of the server under test, when there are two.
CLIENT_CPUS, SERVER_CPUS = ({0}, {1}) if (os.cpu_count() or 1) >= 2 else (None, None)


def pin_client() -> None:
    """Keep this process (the client) on its own core.

    Client and server then never take turns on one core, nor move between
    cores mid-run: which core the scheduler happened to pick made runs of the
    same server differ by a third.
    """
    if CLIENT_CPUS is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, CLIENT_CPUS)


def pin_server() -> None:
    """Keep a server child (run before its exec) on the core the client does not use."""
    if SERVER_CPUS is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, SERVER_CPUS)


def child_env() -> dict[str, str]:
    """This checkout's package first on the path; no SOURCE_DATE_EPOCH."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


@contextlib.contextmanager
def vntimeline_serve(data: Path) -> Iterator[Server]:
    """``python -m vntimeline serve DATA --port 0``, until the block ends.

    Its log (a line per request) goes to a file beside the data, not to a
    pipe: reading a pipe would cost the client in this process a thread
    busy with the server's log, slowing the client, not the server, while
    writing the file stays the server's own cost.
    """
    command = [sys.executable, "-m", "vntimeline", "serve", str(data), "--port", "0"]
    log = data.with_suffix(".serve.log")
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
            env=child_env(),
            preexec_fn=pin_server,
        )
    try:
        port = _listening_port(process, log)
        yield Server("vntimeline serve", process, port)
    finally:
        stop(process)


def _listening_port(process: subprocess.Popen[str], log: Path, wait: float = 60.0) -> int:
    """The port ``vntimeline serve`` says it listens on, read from its log as it appears."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        found = re.search(
            r"at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)", log.read_text(encoding="utf-8")
        )
        if found:
            return int(found.group(1))
        if process.poll() is not None:
            raise RuntimeError(f"vntimeline serve exited before listening: {log.read_text()}")
        time.sleep(0.05)
    raise RuntimeError(f"vntimeline serve did not listen within {wait:g} s")


@contextlib.contextmanager
def floor_server(kind: str, feed: Path) -> Iterator[Server]:
    """A floor (``serve_floors.py KIND FEED``), until the block ends."""
    command = [sys.executable, str(HERE / "serve_floors.py"), kind, str(feed)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, preexec_fn=pin_server)
    try:
        assert process.stdout is not None
        yield Server(f"{kind} floor", process, int(process.stdout.readline()))
    finally:
        stop(process)


def stop(process: subprocess.Popen[str]) -> None:
    """Stop a child server: SIGTERM, then SIGKILL if it does not go."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- the client -----------------------------------------------------------------------------


@dataclass
class Level:
    """What one load run measured."""

    connections: int
    requests: int = 0
    ok: int = 0
    errors: int = 0
    timeouts: int = 0
    seconds: float = 0.0
    stopped_early: bool = False
    server_cpu_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list, repr=False)

    def summary(self) -> dict[str, Any]:
        report = asdict(self)
        del report["latencies"]
        lat = sorted(self.latencies)
        report["requests_per_second"] = round(self.ok / self.seconds, 1) if self.seconds else 0.0
        for name, q in (("p50_ms", 0.50), ("p99_ms", 0.99), ("max_ms", 1.0)):
            report[name] = (
                round(lat[min(len(lat) - 1, int(q * len(lat)))] * 1000, 3) if lat else None
            )
        report["mean_ms"] = round(statistics.fmean(lat) * 1000, 3) if lat else None
        report["server_cpu_us_per_request"] = (
            round(self.server_cpu_seconds / self.ok * 1e6, 1) if self.ok else None
        )
        del report["server_cpu_seconds"]
        return report


REQUEST = b"GET " + FEED.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


async def open_connection(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)


async def one_request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, timeout: float
) -> int:
    """Send one keep-alive GET and read its whole response; its status."""
    writer.write(REQUEST)
    async with asyncio.timeout(timeout):
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        found = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
        await reader.readexactly(int(found.group(1)) if found else 0)
    return status


async def worker(port: int, count: int, level: Level, timeout: float, deadline: float) -> None:
    """One connection making *count* requests in turn, reconnecting after a failure."""
    connection = await open_connection(port)
    for _ in range(count):
        if time.perf_counter() > deadline:
            level.stopped_early = True
            break
        start = time.perf_counter()
        level.requests += 1
        try:
            status = await one_request(*connection, timeout)
        except TimeoutError:
            level.timeouts += 1
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            level.errors += 1
        else:
            level.latencies.append(time.perf_counter() - start)
            if status == 200:
                level.ok += 1
                continue
            level.errors += 1
        connection[1].close()
        connection = await open_connection(port)
    connection[1].close()


async def load(port: int, connections: int, requests: int, timeout: float, cap: float) -> Level:
    """*requests* GETs over *connections* keep-alive connections (at most *cap* seconds)."""
    level = Level(connections)
    start = time.perf_counter()
    shares = [requests // connections + (i < requests % connections) for i in range(connections)]
    await asyncio.gather(
        *(worker(port, share, level, timeout, start + cap) for share in shares if share)
    )
    level.seconds = time.perf_counter() - start
    return level


def hold_idle(port: int, count: int) -> list[socket.socket]:
    """*count* connections that each make one request, then stay open doing nothing."""
    held = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(REQUEST)
        held.append(sock)
    for sock in held:  # read each response whole, so each connection is idle keep-alive
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        length = int(re.search(rb"content-length: *(\d+)", data, re.IGNORECASE).group(1))  # type: ignore[union-attr]
        body = data.split(b"\r\n\r\n", 1)[1]
        while len(body) < length:
            body += sock.recv(65536)
    return held


def still_open(held: list[socket.socket]) -> int:
    """How many of *held* the server has not closed."""
    open_ = 0
    for sock in held:
        sock.setblocking(False)
        try:
            open_ += sock.recv(1) != b""
        except BlockingIOError:
            open_ += 1
        except OSError:
            pass
    return open_


# -- the run ---------------------------------------------------------------------------------


def prepare(work: Path) -> Path:
    """A copy of the bundled data (and its seed articles) to serve."""
    (work / "data").mkdir()
    shutil.copyfile(ROOT / "data" / "events.yaml", work / "data" / "events.yaml")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    return work / "data" / "events.yaml"


def fetch(port: int) -> bytes:
    async def get() -> bytes:
        reader, writer = await open_connection(port)
        writer.write(REQUEST)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"content-length: *(\d+)", head, re.IGNORECASE).group(1))  # type: ignore[union-attr]
        body = await reader.readexactly(length)
        writer.close()
        return body

    return asyncio.run(get())


def raise_file_limit(wanted: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def median_run(runs: list[Level]) -> dict[str, Any]:
    """The median of several runs (by requests/s); errors and timeouts are those of all."""
    summaries = sorted((run.summary() for run in runs), key=lambda s: s["requests_per_second"])
    median = dict(summaries[len(summaries) // 2])
    median["runs_requests_per_second"] = [s["requests_per_second"] for s in summaries]
    # the server's own cost, free of the client's: the median over the runs
    median["server_cpu_us_per_request"] = statistics.median(
        s["server_cpu_us_per_request"] or 0.0 for s in summaries
    )
    median["requests"] = sum(s["requests"] for s in summaries)
    for name in ("ok", "errors", "timeouts"):
        median[name] = sum(s[name] for s in summaries)
    median["stopped_early"] = any(s["stopped_early"] for s in summaries)
    return median


def runs(server: Server, connections: int, args: argparse.Namespace) -> Level:
    """One load run of *args.requests* GETs, with the CPU time the server spent on it."""
    cpu = server.cpu_seconds()
    level = asyncio.run(load(server.port, connections, args.requests, args.timeout, args.cap))
    level.server_cpu_seconds = server.cpu_seconds() - cpu
    return level


def measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every phase, against every server; the report."""
    data = prepare(work)
    report: dict[str, Any] = {"levels": {}, "idle": {}}
    with contextlib.ExitStack() as stack:
        ours = stack.enter_context(vntimeline_serve(data))
        feed = work / "feed.ics"
        feed.write_bytes(fetch(ours.port))
        report["feed_bytes"] = feed.stat().st_size
        servers = [stack.enter_context(floor_server(kind, feed)) for kind in FLOORS]
        servers.append(ours)
        for server in servers:
            asyncio.run(load(server.port, 4, 200, args.timeout, args.cap))  # warm up
        for connections in args.levels:
            measured: dict[str, list[Level]] = {server.name: [] for server in servers}
            for _ in range(args.repeat):  # interleaved, so that a busy spell hits every server
                for server in servers:
                    measured[server.name].append(runs(server, connections, args))
            for server in servers:
                summary = median_run(measured[server.name])
                report["levels"].setdefault(server.name, {})[str(connections)] = summary
                print(row(server.name, summary), flush=True)
        report["idle"] = idle_phase(ours, args)
    return report


def idle_phase(ours: Server, args: argparse.Namespace) -> dict[str, Any]:
    """RSS, and the same load without and with *args.idle* idle connections held open.

    The two loads alternate (without, then with, *repeat* times), opening the
    idle connections afresh each time, so a busy spell on the machine hits
    both alike. The memory they cost is measured on the first opening.
    """
    connections = 16 if 16 in args.levels else min(args.levels)
    without, with_idle = [], []
    before = during = after = ours.rss_mib()
    opened, alive = 0.0, args.idle
    for attempt in range(args.repeat):
        without.append(runs(ours, connections, args))
        start = time.perf_counter()
        held = hold_idle(ours.port, args.idle)
        if attempt == 0:
            opened = time.perf_counter() - start
            during = ours.rss_mib()
        with_idle.append(runs(ours, connections, args))
        if attempt == 0:
            after = ours.rss_mib()
        alive = min(alive, still_open(held))
        for sock in held:
            sock.close()
    summaries = median_run(without), median_run(with_idle)
    print(row("without idle", summaries[0]), flush=True)
    print(row(f"with {args.idle} idle", summaries[1]), flush=True)
    return {
        "idle_connections": args.idle,
        "seconds_to_open": round(opened, 2),
        "rss_before_mib": round(before, 1),
        "rss_with_idle_mib": round(during, 1),
        "rss_after_load_mib": round(after, 1),
        "extra_rss_mib": round(max(during, after) - before, 1),
        "still_open_after_load": alive,
        "load_without_idle": summaries[0],
        "load_with_idle": summaries[1],
    }


def row(name: str, level: dict[str, Any]) -> str:
    return (
        f"{name:>18} c={level['connections']:<4} {level['requests_per_second']:>9.1f} req/s  "
        f"p50 {level['p50_ms'] or 0:>8.3f} ms  p99 {level['p99_ms'] or 0:>8.3f} ms  "
        f"cpu {level['server_cpu_us_per_request']:>6.1f} us/req  "
        f"errors {level['errors']}  timeouts {level['timeouts']}"
        + ("  (stopped at the time cap)" if level["stopped_early"] else "")
    )


def verdicts(report: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """The issue's targets, each with the figures it compares."""
    levels = report["levels"]
    ours = levels["vntimeline serve"]
    top, one = str(max(args.levels)), str(min(args.levels))
    idle = report["idle"]

    def ratio(a: dict[str, Any], b: dict[str, Any], key: str = "requests_per_second") -> float:
        return round(a[key] / b[key], 2) if b[key] else float("nan")

    return {
        f"0 errors and 0 timeouts at concurrency {top}": ours[top]["errors"] == 0
        and ours[top]["timeouts"] == 0
        and ours[top]["ok"] == ours[top]["requests"],
        f"concurrency {one}: req/s of ours / asyncio floor": ratio(
            ours[one], levels["asyncio floor"][one]
        ),
        f"concurrency {one}: req/s of ours / stdlib floor": ratio(
            ours[one], levels["stdlib floor"][one]
        ),
        f"concurrency {one}: req/s of ours / bare uvicorn": ratio(
            ours[one], levels["uvicorn floor"][one]
        ),
        f"concurrency {one}: server CPU per request, ours / asyncio floor": ratio(
            ours[one], levels["asyncio floor"][one], "server_cpu_us_per_request"
        ),
        f"{args.idle} idle connections cost < {IDLE_RSS_TARGET_MIB:g} MiB": idle["extra_rss_mib"]
        < IDLE_RSS_TARGET_MIB,
        "idle connections all still open after the load": idle["still_open_after_load"]
        == args.idle,
        "req/s with idle connections / without": ratio(
            idle["load_with_idle"], idle["load_without_idle"]
        ),
        "p99 with idle connections / without": ratio(
            idle["load_with_idle"], idle["load_without_idle"], "p99_ms"
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000, help="requests per run")
    parser.add_argument(
        "--levels",
        default="1,16,64,256",
        type=lambda text: [int(n) for n in text.split(",")],
        help="concurrent connections, comma-separated",
    )
    parser.add_argument("--idle", type=int, default=1000, help="idle connections to hold")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds per run at most")
    parser.add_argument("--repeat", type=int, default=5, help="runs per level (the median is kept)")
    parser.add_argument("--out", type=Path, default=HERE / "serve_results.json")
    args = parser.parse_args(argv)
    raise_file_limit(args.idle + max(args.levels) + 256)
    pin_client()
    with tempfile.TemporaryDirectory(prefix="vntimeline-serve-load-") as work:
        report = measure(args, Path(work))
    report = {
        "schema": SCHEMA,
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "requests_per_run": args.requests,
        **report,
        "targets": verdicts(report, args),
    }
    for name, verdict in report["targets"].items():
        print(f"{name}: {verdict}")
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
