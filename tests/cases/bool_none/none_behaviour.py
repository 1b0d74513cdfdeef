nothing = None
x = None
print(x is None, x == None, x is not None, type(x), repr(x), str(x))
def f():
    pass
def g():
    return
print(f(), g(), f() is None)
print([None] * 3, {None: None}, (None,))
for op in ["+", "<", "len", "iter", "call", "attr", "index"]:
    try:
        if op == "+":
            None + 1
        elif op == "<":
            None < None
        elif op == "len":
            len(None)
        elif op == "iter":
            for _ in None:
                pass
        elif op == "call":
            nothing()
        elif op == "attr":
            None.foo
        elif op == "index":
            nothing[0]
    except (TypeError, AttributeError) as e:
        print(op, type(e).__name__, e)
print(None == 0, None == False, None == '', None != None)
print(sorted([3, 1, 2], key=None))
print(hash(None) == hash(None))
