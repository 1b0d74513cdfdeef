class StorageError(Exception):
    pass
class ParseError(Exception):
    pass
def load(raw):
    try:
        return int(raw)
    except ValueError as e:
        raise ParseError("cannot parse %r" % raw) from e
def read(key, db):
    try:
        return db[key]
    except KeyError:
        raise StorageError("no key " + key)
def read_quiet(key, db):
    try:
        return db[key]
    except KeyError:
        raise StorageError("quiet " + key) from None
try:
    load("abc")
except ParseError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)
try:
    read("x", {})
except StorageError as e:
    print(type(e).__name__, e, "| cause:", e.__cause__, "| context:", type(e.__context__).__name__, e.__context__)
    print(e.__suppress_context__)
try:
    read_quiet("y", {})
except StorageError as e:
    print(type(e).__name__, e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise StorageError("direct") from ParseError("explicit cause")
except StorageError as e:
    print(e, "<-", e.__cause__, e.__context__)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise ParseError("outer") from StorageError("other")
except ParseError as e:
    print(e, "cause:", e.__cause__, "context:", e.__context__)
try:
    raise ParseError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ParseError("from class") from KeyError
except ParseError as e:
    print(e, type(e.__cause__).__name__, repr(e.__cause__))
def chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError as a:
            raise KeyError("k") from a
    except KeyError as b:
        raise IndexError("i")
try:
    chain()
except IndexError as e:
    c = e
    parts = []
    while c is not None:
        parts.append(type(c).__name__)
        c = c.__cause__ or c.__context__
    print(" <- ".join(parts))
e = ParseError("manual")
e.__cause__ = ValueError("set by hand")
print(e.__cause__, e.__suppress_context__)
