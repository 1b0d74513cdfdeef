# Records the expected output of each api case with python3: the external
# functions the C test's host answers (tests/unit/test_api.c) are defined
# here in Python with the same behaviour. Run: python3 record.py
import ast, asyncio, contextlib, glob, inspect, io, os

def fetch(x, scale=1):
    if isinstance(x, str):
        return x.upper()
    return x * 10 * scale

def boom(msg):
    raise ValueError(msg)

# async tools: the host answers every pending call at once, in call order,
# which is what one step of real I/O per call gives in CPython
async def afetch(x, scale=1):
    await asyncio.sleep(0)
    return fetch(x, scale)

async def aboom(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "*.py"))):
    if path.endswith("record.py"):
        continue
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            g = {"fetch": fetch, "boom": boom, "afetch": afetch, "aboom": aboom, "__name__": "__main__"}
            # top-level await runs as krait runs it: the script is a coroutine for asyncio.run
            code = compile(open(path).read(), "agent.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            if code.co_flags & inspect.CO_COROUTINE:
                asyncio.run(eval(code, g))
            else:
                exec(code, g)
        except Exception as e:
            print("uncaught", type(e).__name__, e)
    with open(path + ".exp", "w") as f:
        f.write(out.getvalue())
