def r1():
    raise ValueError
def r2():
    raise ValueError("with message")
def r3():
    e = KeyError("stored")
    raise e
def r4():
    raise TypeError("a", 2)
for fn in [r1, r2, r3, r4]:
    try:
        fn()
    except Exception as e:
        print(fn.__name__, type(e).__name__, repr(e), str(e))
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise "string"
except TypeError as e:
    print("TypeError", e)
try:
    raise int
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
