# Records the expected output of each api case with python3: the external
# functions the C test's host answers (tests/unit/test_api.c) are defined
# here in Python with the same behaviour. Run: python3 record.py
import contextlib, glob, io, os, traceback

def fetch(x, scale=1):
    if isinstance(x, str):
        return x.upper()
    return x * 10 * scale

def boom(msg):
    raise ValueError(msg)

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "*.py"))):
    if path.endswith("record.py"):
        continue
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(open(path).read(), "agent.py", "exec"),
                 {"fetch": fetch, "boom": boom, "__name__": "__main__"})
        except Exception as e:
            print("uncaught", type(e).__name__, e)
    with open(path + ".exp", "w") as f:
        f.write(out.getvalue())
