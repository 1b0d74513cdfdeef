import sys
for arg in (None, 0, 1, 2, "message", ("a", 1)):
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args, type(e).__name__)
try:
    sys.exit(5)
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", e.code)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raise SystemExit directly:", e.code)
def cleanup_runs():
    try:
        sys.exit(9)
    finally:
        print("finally runs on sys.exit")
try:
    cleanup_runs()
except SystemExit as e:
    print("code", e.code)
print("exit(0) in the end")
sys.exit(0)
