# In-place operators: set is updated in place; frozenset gets a new object.
s = set([1, 2, 3])
alias = s
s |= set([4])
s &= set([1, 2, 4, 5])
s -= set([1])
s ^= set([2, 9])
print(s, alias, s is alias)
f = frozenset([1, 2])
g = f
f |= set([3])
print(f, g, f is g, type(f).__name__)
f &= frozenset([1, 3])
f -= set([3])
f ^= set([7])
print(f, type(f).__name__)
for op in ["|=", "&=", "-=", "^="]:
    t = set([1])
    try:
        if op == "|=":
            t |= [2]
        elif op == "&=":
            t &= [2]
        elif op == "-=":
            t -= [2]
        else:
            t ^= [2]
    except TypeError as e:
        print("TypeError", e)
for f2 in [lambda: set([1]) | [2], lambda: [2] & set([1]), lambda: set() - (), lambda: set() ^ {}, lambda: set() + set()]:
    try:
        f2()
    except TypeError as e:
        print("TypeError", e)
u = set(range(5))
u |= u
u &= u
print(u)
u ^= u
print(u)
v = set(range(5))
v -= v
print(v)
