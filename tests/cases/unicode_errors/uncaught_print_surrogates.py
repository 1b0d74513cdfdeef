# sys.stdout is strict UTF-8 (a lone surrogate is a UnicodeEncodeError,
# raised for the piece that holds it); sys.stderr escapes them, and so
# does the traceback.
import sys
def t(f):
    try: f()
    except UnicodeEncodeError as e: print("UEE", e, e.start, e.end)
t(lambda: print("a\ud800b"))
t(lambda: print("ok", "x\udc80\udc81y", "z"))
t(lambda: print("s", "t", sep="\ud800"))
t(lambda: print("e", end="\udfff\n"))
t(lambda: sys.stdout.write("w\ud801"))
t(lambda: sys.stderr.write("\ud801"))
print("\U0001F600 fine é")
raise ValueError("bad \ud800 here")
