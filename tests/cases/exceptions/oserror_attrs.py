# OSError's errno, strerror, filename, filename2 and its str().

def show(e):
    print(type(e).__name__, repr(e), "|", str(e), "|", e.args)
    print("  ", repr(e.errno), repr(e.strerror), repr(e.filename), repr(e.filename2))

show(OSError())
show(OSError("just a message"))
show(OSError(2, "No such file or directory"))
show(OSError(2, "No such file or directory", "a.txt"))
show(OSError(2, "No such file or directory", "a.txt", None, "b.txt"))
show(OSError(2, "No such file or directory", None, None, "b.txt"))
show(OSError(1, "x", "f", 5))
show(OSError(1, 2, 3, 4, 5, 6))
show(OSError(None, None))
show(OSError(99999, "unknown errno"))
show(OSError(13, "Permission denied"))
show(OSError(17, "File exists"))
show(OSError(True, "bool errno"))
show(OSError("2", "str errno"))
show(FileNotFoundError(13, "stays", "p"))
show(FileNotFoundError("only"))
show(PermissionError(1, "Operation not permitted"))
show(TimeoutError(110, "Connection timed out"))
show(ConnectionRefusedError(111, "refused"))
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 5]:
    print(n, type(OSError(n, "m")).__name__)
print(isinstance(OSError(2, "x"), OSError), OSError(2, "x").__class__.__name__)

e = OSError(2, "No such file", "f")
e.errno = 5
e.strerror = "changed"
e.filename = ["a", "list"]
e.filename2 = "second"
print(e, e.args)
del e.filename
print(repr(e.filename), e)
try:
    OSError(1, "x", k=1)
except TypeError as x:
    print("TypeError", x)
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as x:
    print(type(x).__name__, x.errno, x.filename, x)
