x = None
print(x is None, x == None, not x, x != 0, x in (None,), [x] == [None])
for v in [None, 0, False, "", [], "None"]:
    print(repr(v), v is None, v == None, bool(v))
def opt(a=None, b=None):
    return (a if a is not None else "A-default", b or "B-default")
print(opt(), opt(0, 0), opt(False, "x"), opt(b=[]))
try:
    print(None > 0)
except TypeError as e:
    print("TypeError", e)
try:
    print(sorted([None, None]))
except TypeError as e:
    print("TypeError", e)
print(sorted([None]), max([None]), min([None, None], key=lambda v: 0))
