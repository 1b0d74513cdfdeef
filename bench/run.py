#!/usr/bin/env python3
"""Times krait against python3 on the same workloads, in one run.

For each workload, both interpreters run the file N times; we report the
median wall time minus the median time of an empty script (start-up), and
the ratio krait/python3 of those medians (below 1.0: krait is faster).
Start-up itself (`print(1 + 1)`) is reported as a plain median.
Workloads needing the embedding API (extcall, snapshot*) are skipped here.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COMPUTE = ["fib", "loop", "loop_toplevel", "sieve", "strings", "records", "oop_closure", "oop_class"]


def time_once(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - t0, p


def median_time(cmd, n):
    times, out = [], None
    for _ in range(n):
        t, p = time_once(cmd)
        times.append(t)
        out = p
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default=os.path.join(HERE, "..", "build", "krait"))
    ap.add_argument("-n", type=int, default=7, help="runs per measurement")
    ap.add_argument("workloads", nargs="*")
    a = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as d:
        empty = os.path.join(d, "empty.py")
        hello = os.path.join(d, "hello.py")
        open(empty, "w").close()
        with open(hello, "w") as f:
            f.write("print(1 + 1)\n")
        base_k, _ = median_time([a.krait, empty], a.n * 3)
        base_p, _ = median_time([py, empty], a.n * 3)
        start_k, _ = median_time([a.krait, hello], a.n * 3)
        start_p, _ = median_time([py, hello], a.n * 3)
        print(f"{'workload':16} {'krait ms':>10} {'python3 ms':>11} {'ratio':>7}")
        print(f"{'startup':16} {start_k*1e3:10.2f} {start_p*1e3:11.2f} {start_k/start_p:7.2f}   (whole process, print(1 + 1))")
        for w in a.workloads or COMPUTE:
            path = os.path.join(HERE, w + ".py")
            tk, pk = median_time([a.krait, path], a.n)
            tp, pp = median_time([py, path], a.n)
            if pk.returncode != 0 or pk.stdout != pp.stdout:
                err = pk.stderr.decode(errors="replace").strip().splitlines()
                print(f"{w:16} {'n/a':>10} {(tp-base_p)*1e3:11.2f} {'-':>7}   krait: {err[-1] if err else 'wrong output'}")
                continue
            ck, cp = max(tk - base_k, 1e-6), max(tp - base_p, 1e-6)
            print(f"{w:16} {ck*1e3:10.2f} {cp*1e3:11.2f} {ck/cp:7.2f}")


if __name__ == "__main__":
    main()
