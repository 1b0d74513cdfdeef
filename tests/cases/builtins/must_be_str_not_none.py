# 'must be str, not None' (CPython names None itself, not NoneType).
import sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: sys.stdout.write(None)); t(lambda: sys.stderr.write(None)); t(lambda: "abc".replace(None, "a"))
t(lambda: "abc".replace("a", None)); t(lambda: (1).to_bytes(1, None)); t(lambda: int.from_bytes(b"a", None))
t(lambda: sys.stdout.write(5)); t(lambda: "abc".replace(1, "a"))
