f = frozenset([1, 2, 3])
g = frozenset("abc")
print(f, len(f), 2 in f, f | {4}, f & {1, 9}, type(f | {4}), type({4} | f))
print(frozenset(), frozenset([]), frozenset(f) == f, f == {1, 2, 3}, hash(f) == hash(frozenset([3, 2, 1])))
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})], {frozenset(), frozenset([0])})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
s = {frozenset([1]), frozenset([1])}
print(s, len(s))
print(sorted(g), g.issubset("abcd"), f.union([5]), f.copy() == f)
