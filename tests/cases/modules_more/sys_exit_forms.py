import sys
for args in [(), (None,), (0,), (3,), ("bye",), ([1],)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(repr(args), "->", repr(e.args), repr(e.code), type(e).__name__, isinstance(e, BaseException), isinstance(e, Exception))
try:
    sys.exit((1, 2))
except SystemExit as e:
    print("tuple ->", e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.exit(code=1)
except TypeError as e:
    print(type(e).__name__, e)
def f():
    try:
        sys.exit(5)
    finally:
        print("finally runs")
try:
    f()
except SystemExit as e:
    print("caught", e.code)
try:
    sys.exit("message")
except Exception:
    print("not an Exception")
except BaseException as e:
    print("a BaseException:", e)
