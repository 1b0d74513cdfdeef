#!/usr/bin/env python3
"""CPython-checked case runner for krait.

Every case is a small program ``tests/cases/<area>/<name>.py``.  Its expected
behaviour is what CPython 3.11 does with it, recorded beside it:

  ``<name>.py.exp``  the exact bytes the program writes to stdout (always
                     present, possibly empty).
  ``<name>.py.err``  present only when the program exits with a non-zero
                     status, or when the case is a traceback-shape case
                     (name starts with ``tb_``).  Format::

                        # exit 1
                        # stderr-last: ValueError: invalid literal ...

                     or, for ``tb_*`` cases, the whole stderr (file paths
                     reduced to their base name) after a ``# stderr:`` line::

                        # exit 1
                        # stderr:
                        Traceback (most recent call last):
                          File "tb_x.py", line 3, in <module>
                        ...

                     No ``.err`` file means: exit status 0, stderr ignored.

Recording: ``python3 <name>.py`` with ``PYTHONHASHSEED=0``, cwd = the case's
directory, the file passed by base name.  Running: ``krait <name>.py`` the
same way.  Whole tracebacks are compared line by line, CPython 3.11's
``^``/``~`` error-location markers included.

Usage::

  python3 tests/run_cases.py [--krait build/krait] [--jobs N] [--timeout S]
                             [--wrapper "valgrind -q"] [-v] [filters...]
  python3 tests/run_cases.py --regen [filters...]
  python3 tests/run_cases.py --update-known [--allow-add] [filters...]
  python3 tests/run_cases.py --list [filters...]

A filter is either a path (a case file or a directory, absolute or relative
to the current directory or to tests/cases) or a substring of the case path
relative to tests/cases (e.g. ``str_`` or ``edges/int_``).

The last line printed by a run is always ``N passed, N failed``.  The exit
status is 0 only if every case outside tests/known_failures.txt passed and no
case listed there passed (the list only shrinks: remove a case from it once it
passes).  Exit status 2 means a usage problem (e.g. the krait binary is
missing).
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CASES = os.path.join(HERE, "cases")
KNOWN = os.path.join(HERE, "known_failures.txt")
DEFAULT_KRAIT = os.path.join(REPO, "build", "krait")

KNOWN_HEADER = """\
# Cases under tests/cases that are known to fail under krait (one path per
# line, relative to tests/cases; '#' starts a comment).
#
# This list only shrinks.  A listed case that passes makes the run fail: remove
# it (or run `python3 tests/run_cases.py --update-known`).  A case that is not
# listed may only be added with `--update-known --allow-add`, and only for a
# brand-new case written ahead of its feature -- never for a case that passed.
"""

FILE_PATH = re.compile(r'File "([^"]*)"')


# ---------------------------------------------------------------- utilities

def is_tb_case(rel):
    return os.path.basename(rel).startswith("tb_")


def all_cases():
    out = []
    for root, dirs, files in os.walk(CASES):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".py") and not f.startswith("."):
                full = os.path.join(root, f)
                out.append(os.path.relpath(full, CASES).replace(os.sep, "/"))
    out.sort()
    return out


def select_cases(filters):
    cases = all_cases()
    if not filters:
        return cases
    chosen = set()
    for flt in filters:
        matched = False
        for cand in (flt, os.path.join(CASES, flt)):
            if os.path.exists(cand):
                full = os.path.abspath(cand)
                if os.path.isdir(full):
                    prefix = os.path.relpath(full, CASES).replace(os.sep, "/")
                    if prefix.startswith(".."):
                        break
                    prefix = "" if prefix == "." else prefix + "/"
                    for c in cases:
                        if c.startswith(prefix):
                            chosen.add(c)
                            matched = True
                else:
                    rel = os.path.relpath(full, CASES).replace(os.sep, "/")
                    for suffix in (".exp", ".err"):
                        if rel.endswith(".py" + suffix):
                            rel = rel[: -len(suffix)]
                    if rel in cases:
                        chosen.add(rel)
                        matched = True
                break
        if not matched:
            for c in cases:
                if flt in c:
                    chosen.add(c)
                    matched = True
        if not matched:
            print(f"warning: filter {flt!r} matches no case", file=sys.stderr)
    return sorted(chosen)


def read_known():
    known = []
    if not os.path.exists(KNOWN):
        return known
    with open(KNOWN, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("tests/cases/"):
                line = line[len("tests/cases/"):]
            if line:
                known.append(line)
    return known


def write_known(paths):
    with open(KNOWN, "w", encoding="utf-8") as f:
        f.write(KNOWN_HEADER)
        for p in sorted(set(paths)):
            f.write(p + "\n")


def reduce_paths(text):
    return FILE_PATH.sub(lambda m: 'File "%s"' % os.path.basename(m.group(1))
                         if not m.group(1).startswith("<") else m.group(0), text)


def normalize_tb(text):
    lines = reduce_paths(text).replace("\r\n", "\n").split("\n")
    lines = [ln.rstrip() for ln in lines]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def last_line(text):
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
    return lines[-1].rstrip() if lines else ""


def decode(b):
    return b.decode("utf-8", errors="backslashreplace")


def exit_desc(code):
    if code is None:
        return "timeout"
    if code < 0:
        try:
            return "killed by signal %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "exit %d" % code


def run_proc(argv, cwd, env, timeout):
    """Run argv; return (stdout bytes, stderr bytes, returncode or None)."""
    try:
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    except OSError as e:
        return b"", ("cannot start %s: %s\n" % (argv[0], e)).encode(), -999
    try:
        out, err = p.communicate(timeout=timeout)
        return out, err, p.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        return out, err, None


# ---------------------------------------------------------- expectations

def exp_paths(rel):
    full = os.path.join(CASES, rel)
    return full + ".exp", full + ".err"


def load_expectation(rel):
    """Return dict(stdout=bytes, exit=int, last=str|None, tb=list|None) or None."""
    out_p, err_p = exp_paths(rel)
    if not os.path.exists(out_p):
        return None
    with open(out_p, "rb") as f:
        stdout = f.read()
    exp = {"stdout": stdout, "exit": 0, "last": None, "tb": None}
    if os.path.exists(err_p):
        with open(err_p, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            ln = lines[i]
            i += 1
            if ln.startswith("# exit "):
                exp["exit"] = int(ln[len("# exit "):])
            elif ln.startswith("# stderr-last: "):
                exp["last"] = ln[len("# stderr-last: "):]
            elif ln == "# stderr-last:":
                exp["last"] = ""
            elif ln == "# stderr:":
                exp["tb"] = normalize_tb("\n".join(lines[i:]))
                break
    return exp


# Areas whose expectations are krait's own (sandbox escapes that must fail,
# krait extensions such as top-level await): --regen leaves them alone.
KRAIT_ONLY_AREAS = ("escape", "krait_only")


def record(rel, python, timeout):
    full = os.path.join(CASES, rel)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1")
    t0 = time.monotonic()
    out, err, code = run_proc([python, os.path.basename(full)],
                              os.path.dirname(full), env, timeout)
    elapsed = time.monotonic() - t0
    if code is None or code < 0:
        return "%s: %s under %s, not recorded" % (rel, exit_desc(code), python)
    out2, err2, code2 = run_proc([python, os.path.basename(full)],
                                 os.path.dirname(full), env, timeout)
    unstable = None
    if (out2, code2) != (out, code) or (
            is_tb_case(rel) and reduce_paths(decode(err2)) != reduce_paths(decode(err))):
        unstable = ("%s: NOT DETERMINISTIC under %s (two runs differ: object "
                    "addresses, hash(None), id()...?); fix the case" % (rel, python))
    out_p, err_p = exp_paths(rel)
    with open(out_p, "wb") as f:
        f.write(out)
    errtext = decode(err)
    if code != 0 or is_tb_case(rel):
        with open(err_p, "w", encoding="utf-8") as f:
            f.write("# exit %d\n" % code)
            if is_tb_case(rel):
                f.write("# stderr:\n")
                body = reduce_paths(errtext).replace("\r\n", "\n")
                f.write(body if body.endswith("\n") or not body else body + "\n")
            else:
                last = last_line(errtext)
                f.write(("# stderr-last: %s\n" % last) if last else "# stderr-last:\n")
    elif os.path.exists(err_p):
        os.remove(err_p)
    note = None
    if elapsed > 0.5:
        note = "%s: slow under %s (%.2fs)" % (rel, python, elapsed)
    return unstable or note


def check_python(python):
    try:
        v = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                           capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError as e:
        sys.exit("error: cannot run %s: %s" % (python, e))
    if v != "(3, 11)":
        sys.exit("error: expectations must be recorded with CPython 3.11; "
                 "%s is %s (use --python)" % (python, v))


# ----------------------------------------------------------------- running

def compare(rel, exp, out, err, code):
    """Return list of failure report lines (empty when the case passed)."""
    if code == -999:
        return [decode(err).rstrip()]
    if code is None:
        return ["timed out (hang?)"]
    report = []
    if out != exp["stdout"]:
        report.append("stdout differs (--- expected from CPython, +++ krait):")
        a = decode(exp["stdout"]).splitlines(keepends=True)
        b = decode(out).splitlines(keepends=True)
        diff = list(difflib.unified_diff(a, b, "expected", "krait", n=2))
        for d in diff[2:]:
            if not d.endswith("\n"):
                d += "\n\\ No newline at end of output\n"
            report.extend(("  " + d).rstrip("\n").split("\n"))
    if code != exp["exit"]:
        report.append("exit status: expected %s, got %s"
                      % (exit_desc(exp["exit"]), exit_desc(code)))
    errtext = decode(err)
    if exp["tb"] is not None:
        got = normalize_tb(errtext)
        if got != exp["tb"]:
            report.append("stderr (traceback) differs (--- expected, +++ krait; "
                          "markers included):")
            for d in list(difflib.unified_diff(exp["tb"], got, "expected",
                                               "krait", n=3, lineterm=""))[2:]:
                report.append("  " + d)
    elif exp["last"] is not None:
        got = last_line(errtext)
        if got != exp["last"]:
            report.append("last line of stderr differs:")
            report.append("  - " + exp["last"])
            report.append("  + " + got)
    if report and errtext.strip() and exp["tb"] is None and (
            code != exp["exit"] or exp["last"] is not None):
        tail = errtext.rstrip("\n").split("\n")[-8:]
        report.append("krait stderr (tail):")
        report.extend("  | " + t for t in tail)
    return report


def run_one(rel, argv_prefix, env, timeout):
    exp = load_expectation(rel)
    if exp is None:
        return rel, ["no expectation recorded: run "
                     "`python3 tests/run_cases.py --regen %s`" % rel]
    full = os.path.join(CASES, rel)
    out, err, code = run_proc(argv_prefix + [os.path.basename(full)],
                              os.path.dirname(full), env, timeout)
    report = compare(rel, exp, out, err, code)
    if report and is_crash(err, code):
        report.insert(0, "CRASH (%s)" % (exit_desc(code) if code is None or code < 0
                                          else "sanitizer report"))
    return rel, report


SANITIZER_REPORT = re.compile(
    r"^==\d+==ERROR: \w+Sanitizer|^SUMMARY: \w+Sanitizer|"
    r"^\S+\.[ch]:\d+(:\d+)?: runtime error: ", re.M)


def is_crash(err, code):
    """A signal, a timeout or a sanitizer report: never acceptable."""
    if code is None or (code < 0 and code != -999):
        return True
    return SANITIZER_REPORT.search(decode(err)) is not None


def resolve_krait(path):
    if os.sep not in path and not os.path.exists(path):
        found = shutil.which(path)
        if found:
            return found
    return os.path.abspath(path)


def main():
    ap = argparse.ArgumentParser(
        description="Run the CPython-checked case corpus against krait.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("Usage::", 1)[1] if "Usage::" in __doc__ else None)
    ap.add_argument("filters", nargs="*",
                    help="case paths, directories, or substrings of case paths")
    ap.add_argument("--krait", default=DEFAULT_KRAIT,
                    help="interpreter binary to test (default: build/krait)")
    ap.add_argument("--wrapper", default="",
                    help='command prefix, e.g. "valgrind -q --error-exitcode=99"')
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="per-case timeout in seconds (default 30)")
    ap.add_argument("--regen", action="store_true",
                    help="re-record expectations from CPython 3.11")
    ap.add_argument("--python", default="python3",
                    help="CPython used by --regen (default python3)")
    ap.add_argument("--update-known", action="store_true",
                    help="rewrite known_failures.txt to the currently failing set")
    ap.add_argument("--allow-add", action="store_true",
                    help="with --update-known: allow adding cases not yet listed")
    ap.add_argument("--list", action="store_true", help="list selected cases")
    ap.add_argument("--strict-crashes", action="store_true",
                    help="a crash, hang or sanitizer report fails the run even "
                         "for a case in the known-failures list")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also show the diff of known failures")
    args = ap.parse_args()

    cases = select_cases(args.filters)
    if args.list:
        for c in cases:
            print(c)
        print("%d cases" % len(cases))
        return 0
    if not cases:
        print("no cases selected")
        print("0 passed, 0 failed")
        return 2

    jobs = max(1, args.jobs)

    if args.regen:
        check_python(args.python)
        # krait-only expectations are written by hand, never by CPython
        cases = [c for c in cases if c.split("/")[0] not in KRAIT_ONLY_AREAS]
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            notes = list(ex.map(lambda c: record(c, args.python, args.timeout), cases))
        status = 0
        for n in notes:
            if n:
                print("note:", n)
                if "NOT DETERMINISTIC" in n or "not recorded" in n:
                    status = 1
        # prune orphan expectation files
        if not args.filters:
            existing = set(all_cases())
            for root, _, files in os.walk(CASES):
                for f in files:
                    for suffix in (".py.exp", ".py.err"):
                        if f.endswith(suffix):
                            rel = os.path.relpath(os.path.join(root, f[: -len(suffix) + 3]),
                                                  CASES).replace(os.sep, "/")
                            if rel not in existing:
                                os.remove(os.path.join(root, f))
                                print("removed orphan", os.path.join(root, f))
        print("recorded %d cases with %s" % (len(cases), args.python))
        return status

    krait = resolve_krait(args.krait)
    missing = not (os.path.isfile(krait) and os.access(krait, os.X_OK))
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    argv_prefix = shlex.split(args.wrapper) + [krait]

    known = read_known()
    known_set = set(known)
    existing = set(all_cases())

    t0 = time.monotonic()
    if missing:
        msg = ("krait binary not found or not executable: %s "
               "(build it first, or pass --krait PATH)" % krait)
        print("error: " + msg)
        results = [(c, [msg]) for c in cases]
    else:
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            results = list(ex.map(lambda c: run_one(c, argv_prefix, env, args.timeout),
                                  cases))
    elapsed = time.monotonic() - t0

    passed = [c for c, r in results if not r]
    failed = [(c, r) for c, r in results if r]
    crashed = [c for c, r in failed if r[0].startswith("CRASH")]
    if args.strict_crashes:
        known_set = {k for k in known_set if k not in crashed}
    unexpected_fail = [(c, r) for c, r in failed if c not in known_set]
    known_fail = [(c, r) for c, r in failed if c in known_set]
    unexpected_pass = [c for c in passed if c in known_set]
    stale = [k for k in known if k not in existing] if not args.filters else []

    if not missing:
        for c, r in known_fail:
            if args.verbose:
                print("KNOWN FAIL %s" % c)
                for line in r:
                    print("    " + line)
        for c, r in unexpected_fail:
            print("FAIL %s" % c)
            for line in r:
                print("    " + line)
    for c in unexpected_pass:
        print("UNEXPECTED PASS %s: it is in tests/known_failures.txt; remove it "
              "from the list (or run --update-known)" % c)
    for k in stale:
        print("STALE known failure %s: no such case; remove it from "
              "tests/known_failures.txt" % k)

    status = 0
    if args.update_known:
        sel = set(cases)
        now_failing = {c for c, _ in failed}
        listed = set(known)
        refused = sorted(c for c in now_failing if c not in listed)
        new = [k for k in known if k not in sel and k in existing]
        new += [c for c in now_failing if c in listed]
        if refused and args.allow_add:
            new += refused
            print("known_failures.txt: added %d new case(s)" % len(refused))
            refused = []
        for c in refused:
            print("REFUSED to add %s to the known failures (it is not listed; "
                  "fix it, or use --allow-add for a brand-new case)" % c)
        removed = listed - set(new)
        write_known(new)
        print("known_failures.txt: %d listed, %d removed"
              % (len(set(new)), len(removed)))
        unexpected_pass = []
        stale = []
        new_set = set(new)
        known_fail = [(c, r) for c, r in failed if c in new_set]
        unexpected_fail = [(c, r) for c, r in failed if c not in new_set]

    print("%d known failure(s), %d unexpected failure(s), %d unexpected pass(es); "
          "%d case(s) in %.1fs"
          % (len(known_fail), len(unexpected_fail), len(unexpected_pass),
             len(cases), elapsed))
    if crashed:
        print("%d case(s) crashed, hung or tripped a sanitizer: %s%s"
              % (len(crashed), ", ".join(crashed[:10]),
                 ", ..." if len(crashed) > 10 else ""))
    if unexpected_fail or unexpected_pass or stale:
        status = 1
    if missing:
        status = 2
    print("%d passed, %d failed" % (len(passed), len(failed)))
    return status


if __name__ == "__main__":
    sys.exit(main())
