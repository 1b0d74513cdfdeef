class A(Exception): pass
class B(Exception): pass
class C(B): pass
handled = (A, C)
def go(exc):
    try:
        raise exc
    except handled as e:
        return "tuple handler: " + type(e).__name__
    except (B, KeyError) as e:
        return "second handler: " + type(e).__name__
    except Exception as e:
        return "generic: " + type(e).__name__
for exc in (A(), B(), C(), KeyError(), ValueError(), A):
    print(go(exc))
def dynamic(types, exc):
    try:
        raise exc
    except types:
        return "caught by " + repr(types if isinstance(types, type) else tuple(t.__name__ for t in types))
    except Exception:
        return "not caught"
print(dynamic((), A()))
print(dynamic((B,), C()))
print(dynamic(B, C()))
print(dynamic(((A, B), C), C()) if False else "nested tuple skipped")
try:
    try:
        raise A()
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise A()
    except (A, "str"):
        print("matched first element before bad one")
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise B()
    except (A, "str"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise B()
    except object:
        pass
except TypeError as e:
    print(type(e).__name__, e)
