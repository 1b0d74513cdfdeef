#!/usr/bin/env python3
"""Times krait against python3 on the same workloads, in one run.

For each workload, both interpreters run the file N times; we report the
median time of the workload and the ratio krait/python3 of those medians
(below 1.0: krait is faster). krait's is its wall time minus the median
time of an empty script (start-up, about a millisecond); python3 times
itself in-process (compile + exec of the file), since its own start-up
(tens of milliseconds, noisy) would swamp short workloads.
Start-up itself (`print(1 + 1)`) is reported as a plain median.
The host-facing workloads (startup in-process, extcall, snapshot) are
timed in-process through the C API by build/api_bench (bench/api_bench.c)
and compared with python3 doing the same in-process (timeit).
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


# python3 times compile + exec of the file in-process; the time goes to stderr
PY_TIMER = ("import sys, time\n"
            "src = open(sys.argv[1]).read()\n"
            "t = time.perf_counter()\n"
            "exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__main__'})\n"
            "print(time.perf_counter() - t, file=sys.stderr)\n")


def median_inprocess(py, path, n):
    times, out = [], None
    for _ in range(n):
        p = subprocess.run([py, "-c", PY_TIMER, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(float(p.stderr.decode().strip().splitlines()[-1]))
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
            tp, pp = median_inprocess(py, path, a.n)
            if pk.returncode != 0 or pk.stdout != pp.stdout:
                err = pk.stderr.decode(errors="replace").strip().splitlines()
                print(f"{w:16} {'n/a':>10} {tp*1e3:11.2f} {'-':>7}   krait: {err[-1] if err else 'wrong output'}")
                continue
            ck, cp = max(tk - base_k, 1e-6), max(tp, 1e-6)
            print(f"{w:16} {ck*1e3:10.2f} {cp*1e3:11.2f} {ck/cp:7.2f}")


PY_INPROCESS = {
    # name in api_bench -> python3 statement timed per operation
    "compile+run 1+1": ("exec(compile('1 + 1', '<bench>', 'exec'), {})", "", 1),
    "run 1+1": ("exec(c, {})", "c = compile('1 + 1', '<bench>', 'exec')", 1),
    "extcall round trip": ("exec(c, {'host_add': host_add})",
                           "def host_add(a, b): return a + b\nc = compile(open(%r).read(), 'x', 'exec')"
                           % os.path.join(HERE, "extcall.py"), 10000),
}


def python_inprocess(stmt, setup, per):
    import timeit
    t = timeit.Timer(stmt, setup)
    n, _ = t.autorange()
    return statistics.median(t.repeat(7, n)) / n / per


def api_bench():
    """In-process numbers through the C API next to python3's."""
    exe = os.path.join(HERE, "..", "build", "api_bench")
    p = subprocess.run([exe, HERE], stdout=subprocess.PIPE, text=True)
    if p.returncode != 0:
        print("api_bench failed")
        return
    print(f"\n{'in-process (C API)':28} {'krait':>12} {'python3':>12} {'ratio':>7}")
    for line in p.stdout.splitlines():
        name = next((k for k in PY_INPROCESS if line.startswith(k + " ")), None)
        if name is None:
            print(f"{line}")
            continue
        ns = float(line[len(name):].split()[0])
        py_ns = python_inprocess(*PY_INPROCESS[name]) * 1e9
        print(f"{name:28} {ns:9.1f} ns {py_ns:9.1f} ns {ns / py_ns:7.2f}")


if __name__ == "__main__":
    main()
    api_bench()
