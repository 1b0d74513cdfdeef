class Conn:
    count = 0
    def __init__(self, host, port):
        if not host:
            raise ValueError("host required")
        self.host = host
        self.port = int(port)
        Conn.count += 1
for args in [("h", 80), ("", 80), ("h", "x"), ("h", "443")]:
    try:
        c = Conn(*args)
        print("ok", c.host, c.port)
    except ValueError as e:
        print(type(e).__name__, e)
print(Conn.count)
class Partial:
    def __init__(self):
        self.a = 1
        raise RuntimeError("half built")
try:
    p = Partial()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    p
except NameError as e:
    print(type(e).__name__, e)
class FailNew:
    def __new__(cls, *a):
        raise LookupError("no instance")
    def __init__(self):
        print("never")
try:
    FailNew()
except LookupError as e:
    print(type(e).__name__, e)
class Wrapper:
    def __init__(self, inner_factory):
        try:
            self.inner = inner_factory()
        except Exception as e:
            raise RuntimeError("wrapper init failed") from e
try:
    Wrapper(Partial)
except RuntimeError as e:
    print(e, "<-", type(e.__cause__).__name__, e.__cause__)
