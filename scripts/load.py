#!/usr/bin/env python3
"""A small HTTP load generator, for machines without wrk.

    python3 scripts/load.py [--connections 32] [--seconds 10] BASE_URL < paths

Each connection is a thread with its own keep-alive HTTP/1.1 connection that
requests the paths read from standard input in turn (each thread starting at
another path) until the time is up. Prints one line:

    LOAD <requests> requests, <errors> errors (status <n>, timeout <n>),
         <rate>/s, p50 .. ms, p90 .. ms, p99 .. ms, max .. ms

(on one line). A status of 400 or more counts as an error, as in wrk.
Latency is measured from sending the request to reading the whole body. The
GIL caps the rate this can offer (a few thousand requests a second); at
rates near that cap the percentiles include the client's own queueing.
"""

import argparse
import http.client
import sys
import threading
import time
import urllib.parse


def worker(host, port, paths, start, deadline, out):
    latencies, status_errors, timeouts = [], 0, 0
    conn = http.client.HTTPConnection(host, port, timeout=30)
    i = start
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.monotonic()
        try:
            conn.request("GET", path, headers={"Accept-Encoding": "identity"})
            response = conn.getresponse()
            response.read()
        except (TimeoutError, OSError, http.client.HTTPException):
            timeouts += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
            continue
        latencies.append(time.monotonic() - t0)
        if response.status >= 400:
            status_errors += 1
    conn.close()
    out.append((latencies, status_errors, timeouts))


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("base")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.base)
    paths = [line.strip() for line in sys.stdin if line.strip()]
    if not paths:
        sys.exit("load.py: no paths on standard input")
    started = time.monotonic()
    deadline = started + args.seconds
    out = []
    threads = [
        threading.Thread(
            target=worker,
            args=(url.hostname, url.port or 80, paths, n, deadline, out),
        )
        for n in range(args.connections)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - started
    latencies = sorted(x for lat, _, _ in out for x in lat)
    status = sum(s for _, s, _ in out)
    timeouts = sum(t for _, _, t in out)
    ms = lambda p: percentile(latencies, p) * 1000
    print(
        f"LOAD {len(latencies)} requests, {status + timeouts} errors "
        f"(status {status}, timeout {timeouts}), {len(latencies) / took:.0f}/s, "
        f"p50 {ms(50):.1f} ms, p90 {ms(90):.1f} ms, p99 {ms(99):.1f} ms, "
        f"max {(latencies[-1] if latencies else float('nan')) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
