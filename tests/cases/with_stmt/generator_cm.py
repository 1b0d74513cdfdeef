class contextmanager_like:
    """A hand-written version of the decorator-based context manager pattern."""
    def __init__(self, genfunc):
        self.genfunc = genfunc
    def __call__(self, *args, **kwargs):
        return _GenCM(self.genfunc(*args, **kwargs))
class _GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException as e:
            if e is v:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
@contextmanager_like
def tag(name, out):
    out.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        out.append("</%s>" % name)
out = []
with tag("html", out):
    with tag("body", out) as b:
        out.append("text in " + b)
print("".join(out))
@contextmanager_like
def ignoring(*types):
    try:
        yield
    except types as e:
        print("  ignored", type(e).__name__, e)
with ignoring(KeyError):
    {}["x"]
print("continued")
try:
    with ignoring(KeyError):
        raise ValueError("not ignored")
except ValueError as e:
    print("propagated", e)
@contextmanager_like
def transaction(db):
    snapshot = dict(db)
    try:
        yield db
        print("  commit")
    except Exception:
        db.clear()
        db.update(snapshot)
        print("  rollback")
        raise
db = {"a": 1}
with transaction(db) as t:
    t["b"] = 2
print(db)
try:
    with transaction(db) as t:
        t["c"] = 3
        t["a"] = 100
        raise RuntimeError("failure mid-transaction")
except RuntimeError as e:
    print("caught", e)
print(db)
@contextmanager_like
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
