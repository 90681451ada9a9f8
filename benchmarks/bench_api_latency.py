"""Latency of the JSON API under concurrent clients, on loopback.

Starts ``eventwire serve`` (a separate process, as a user runs it) over a database — by default a
fresh one made by ingesting ../shared/seeds — and sends a bounded number of requests from N
concurrent asyncio+httpx clients, then prints p50/p90/p99/max latency and throughput.

    .venv/bin/python benchmarks/bench_api_latency.py                       # 2,000 requests, 50 clients
    .venv/bin/python benchmarks/bench_api_latency.py --db sqlite:///eventwire.db --requests 5000
    .venv/bin/python benchmarks/bench_api_latency.py --tool wrk --seconds 10     # wrk (apt) as the client

The Python client costs more CPU per request than the server does, and both share the machine's
cores: ``--tool wrk`` (a C load generator) shows what the server itself sustains, and
``--cpu`` adds the server's CPU time per request measured in-process (no network, no client),
which stays comparable on a busy machine where wall-clock latencies do not.

Bounded in count (``--requests``) and in time (``--timeout`` seconds for the whole run); traffic
goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def eventwire_bin() -> str:
    local = Path(sys.executable).parent / "eventwire"
    return str(local) if local.exists() else "eventwire"


def seed_db(folder: Path) -> str:
    if not SEEDS.is_dir():
        sys.exit(f"no --db given and no seed corpus at {SEEDS}")
    url = f"sqlite:///{folder / 'bench.db'}"
    subprocess.run([eventwire_bin(), "ingest", str(SEEDS), "--db", url, "--quiet"], check=False)
    return url


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def cpu_per_request(db: str, path: str, cache_seconds: float | None, n: int = 500) -> float:
    """Server CPU milliseconds per request: the ASGI app called directly in this process."""
    from urllib.parse import urlsplit

    from eventwire.store import Store
    from eventwire.web.app import create_app

    store = Store(db)
    app = create_app(store, token="", cache_seconds=cache_seconds)
    parts = urlsplit(path)

    async def one() -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": parts.path,
            "raw_path": parts.path.encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(b"host", b"bench")],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        await app(scope, receive, send)
        assert sent[0]["status"] == 200, sent[0]

    async def run() -> float:
        for _ in range(50):
            await one()
        t0 = time.process_time()
        for _ in range(n):
            await one()
        return (time.process_time() - t0) / n * 1000

    try:
        return round(asyncio.run(run()), 3)
    finally:
        store.close()


def run_wrk(base: str, path: str, concurrency: int, seconds: int) -> dict:
    """wrk is bounded by time, not count: ``seconds`` of load from one thread."""
    import re
    import shutil

    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    out = subprocess.run(
        ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--latency", base + path],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout

    def ms(label: str) -> float | None:
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return None
        v = float(m.group(1))
        return round(v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v, 2)

    reqs = re.search(r"(\d+) requests in ([\d.]+)s", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "path": path,
        "requests": int(reqs.group(1)) if reqs else 0,
        "concurrency": concurrency,
        "statuses": {"non-2xx": int(non2xx.group(1)) if non2xx else 0},
        "errors": errors.group(1) if errors else 0,
        "seconds": float(reqs.group(2)) if reqs else seconds,
        "throughput_rps": float(rps.group(1)) if rps else None,
        "p50_ms": ms("50%"),
        "p90_ms": ms("90%"),
        "p99_ms": ms("99%"),
        "max_ms": None,
        "mean_ms": None,
    }


async def load(base: str, path: str, total: int, concurrency: int, deadline: float) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    issued = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        # warm-up (not measured): first connections, first query plans
        for _ in range(min(20, total)):
            await client.get(path)

        async def worker() -> None:
            nonlocal issued, errors
            while issued < total and time.monotonic() < deadline:
                issued += 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    await r.aread()
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                except httpx.HTTPError:
                    errors += 1
                    continue
                latencies.append((time.perf_counter() - t0) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {
        "path": path,
        "requests": len(lat),
        "concurrency": concurrency,
        "statuses": statuses,
        "errors": errors,
        "seconds": round(wall, 3),
        "throughput_rps": round(len(lat) / wall, 1) if wall else None,
        "p50_ms": round(percentile(lat, 50), 2),
        "p90_ms": round(percentile(lat, 90), 2),
        "p99_ms": round(percentile(lat, 99), 2),
        "max_ms": round(lat[-1], 2) if lat else None,
        "mean_ms": round(statistics.fmean(lat), 2) if lat else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLAlchemy URL (default: a fresh db made from ../shared/seeds)")
    ap.add_argument("--path", default="/api/events?dyad=TUR,MYS", help="request path")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--timeout", type=float, default=300, help="stop sending after this many seconds")
    ap.add_argument("--tool", choices=("httpx", "wrk"), default="httpx", help="load generator")
    ap.add_argument("--seconds", type=int, default=10, help="duration of a wrk run")
    ap.add_argument(
        "--cache-seconds",
        type=float,
        default=None,
        help="server answer cache TTL (EVENTWIRE_CACHE_SECONDS; 0 measures every request hitting the db)",
    )
    ap.add_argument("--cpu", action="store_true", help="also measure server CPU ms per request in-process")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        db = args.db or seed_db(Path(tmp))
        port = free_port()
        server = subprocess.Popen(
            [eventwire_bin(), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={
                **os.environ,
                "EVENTWIRE_TOKEN": "",
                **(
                    {} if args.cache_seconds is None else {"EVENTWIRE_CACHE_SECONDS": str(args.cache_seconds)}
                ),
            },
        )
        base = f"http://127.0.0.1:{port}"
        try:
            up = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/api/events?limit=1", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > up:
                    sys.exit(
                        "server did not start: " + (server.stderr.read().decode() if server.stderr else "")
                    )
                time.sleep(0.2)
            total = httpx.get(base + args.path, timeout=10).json().get("total")
            if args.tool == "wrk":
                result = run_wrk(base, args.path, args.concurrency, args.seconds)
            else:
                result = asyncio.run(
                    load(base, args.path, args.requests, args.concurrency, time.monotonic() + args.timeout)
                )
            result["tool"] = args.tool
            result["db"] = db
            result["cache_seconds"] = args.cache_seconds if args.cache_seconds is not None else "default (2)"
            result["matching_records"] = total
            if args.cpu:
                result["server_cpu_ms_per_request"] = cpu_per_request(db, args.path, args.cache_seconds)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(
        f"[{result['tool']}] {result['requests']} x GET {result['path']} ({result['matching_records']} matching), "
        f"{result['concurrency']} concurrent clients, {result['seconds']} s, {result['throughput_rps']} req/s\n"
        f"latency ms: p50 {result['p50_ms']}  p90 {result['p90_ms']}  p99 {result['p99_ms']}  "
        f"max {result['max_ms']}  mean {result['mean_ms']}\n"
        f"statuses {result['statuses']}, transport errors {result['errors']}, cache {result['cache_seconds']}"
        + (
            f"\nserver CPU per request (in-process): {result['server_cpu_ms_per_request']} ms"
            if "server_cpu_ms_per_request" in result
            else ""
        )
    )


if __name__ == "__main__":
    main()
