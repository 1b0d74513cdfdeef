# test_cli.py: the command line on top of the API: the REPL (a session),
# limit flags and their error lines, exit statuses. Expected REPL output is
# what python3 prints for the same statements. Run: python3 tests/test_cli.py build/krait
import subprocess, sys

krait = sys.argv[1] if len(sys.argv) > 1 else "build/krait"
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def run(args, stdin=""):
    p = subprocess.run([krait] + args, input=stdin, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


# the REPL echoes expression values as python3's interactive mode does
session = "x = 5\nx * 2\ndef f(n):\n    return n + x\n\nf(1)\n[i for i in range(3)]\nNone\n'a'\n(1,\n 2)\nprint('hi')\n"
code, out, err = run([], session)
check("repl output", out == "10\n6\n[0, 1, 2]\n'a'\n(1, 2)\nhi\n", repr(out))
check("repl status", code == 0, code)
code, out, err = run([], "undefined\n1 + 1\n")
check("repl error goes on", out == "2\n" and err.endswith("NameError: name 'undefined' is not defined\n"), repr((out, err)))
code, out, err = run([], "x = (\n")
check("repl syntax error at eof", "SyntaxError" in err, repr(err))
code, out, err = run([], "import sys\nsys.exit(4)\nprint('no')\n")
check("repl sys.exit", code == 4 and out == "", repr((code, out)))

# stdout is buffered as CPython's is on a pipe; print(flush=True) and
# sys.stdout.flush() flush it (stderr and stdout on one pipe show the order)
src = ("import sys\nprint('out1')\nprint('err1', file=sys.stderr)\nprint('out2', flush=True)\n"
       "print('err2', file=sys.stderr)\nsys.stdout.write('out3\\n')\nsys.stdout.flush()\nprint('err3', file=sys.stderr)\n")
p = subprocess.run([krait, "-c", src], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
check("flush order", p.stdout == "err1\nout1\nout2\nerr2\nout3\nerr3\n", repr(p.stdout))

# limit flags: a traceback whose last line names the limit, exit status 1
limits = [
    (["--max-memory", "16MB"], "x = 'a' * 10**9", "MemoryError: memory limit exceeded:"),
    (["--max-duration", "100ms"], "while True: pass", "TimeoutError: duration limit exceeded:"),
    (["--max-allocations", "1000"], "x = [[] for _ in range(10**5)]", "MemoryError: allocation limit exceeded:"),
    (["--max-output", "1KB"], "while True: print('spam')", "OSError: output limit exceeded:"),
    (["--max-recursion", "50"], "def f(n): return f(n + 1)\nf(0)", "RecursionError: maximum recursion depth exceeded"),
]
for flags, src, last in limits:
    code, out, err = run(flags + ["-c", src])
    lines = err.strip().splitlines()
    check(f"limit {flags[0]}", code == 1 and lines and lines[0].startswith("Traceback") and lines[-1].startswith(last),
          repr((code, err[-300:])))
# formatting the uncaught exception runs its __str__ (and its notes'):
# under the same limits again, never unbounded
for flags, body in ((["--max-duration", "200ms"], "while True: pass"), (["--max-memory", "16MB"], "return 'x' * 10**9")):
    src = "class E(Exception):\n    def __str__(self):\n        " + body + "\nraise E()\n"
    code, out, err = run(flags + ["-c", src])
    check(f"limit {flags[0]} while formatting", code == 1 and err.endswith("E: <exception str() failed>\n"), repr((code, err[-200:])))
# notes listing one big str many times: the text stops near the memory limit
src = "e = ValueError('x')\ne.__notes__ = ['n' * 100000] * 100000\nraise e\n"
code, out, err = run(["--max-memory", "1MB", "-c", src])
check("notes bounded by the memory limit", code == 1 and len(err) < 4 * 2**20, repr((code, len(err))))
for bad in (["--max-memory", "12XB", "-c", "1"], ["--max-duration", "5", "-c", "1"], ["--max-memory"]):
    code, out, err = run(bad)
    check(f"usage {bad}", code == 2 and "usage" in err, repr((code, err)))
# an uncaught KeyboardInterrupt ends with 130, the status CPython's death by
# SIGINT shows a shell (a subclass of it: 1, as in CPython)
code, out, err = run(["-c", "raise KeyboardInterrupt"])
check("KeyboardInterrupt status", code == 130 and err.endswith("KeyboardInterrupt\n"), repr((code, err)))
code, out, err = run(["-c", "class K(KeyboardInterrupt): pass\nraise K"])
check("KeyboardInterrupt subclass status", code == 1, repr((code, err)))
code, out, err = run(["--max-duration", "2s", "--max-memory", "1GB", "-c", "print(sum(range(10)))"])
check("limits that hold", code == 0 and out == "45\n", repr((code, out, err)))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
