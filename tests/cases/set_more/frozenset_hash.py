# frozenset hashes equal CPython's (ints and strs; order independent).
print(hash(frozenset()), hash(frozenset([0])), hash(frozenset([1])), hash(frozenset([1, 2])))
print(hash(frozenset([2, 1])) == hash(frozenset([1, 2])), hash(frozenset(range(100))))
print(hash(frozenset(["a"])), hash(frozenset(["a", "b", "c"])), hash(frozenset("hello")))
print(hash(frozenset([frozenset([1]), frozenset([2])])), hash(frozenset([frozenset()])))
print(hash(frozenset([-1, -2])), hash(frozenset([2**40, 2**61, -(2**62)])), hash(frozenset([(1, 2), (3, 4)])))
print(hash(frozenset([True, 2.0])) == hash(frozenset([1, 2])))
d = {frozenset([1, 2]): "a", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()], frozenset([1, 2]) in d, {frozenset("ab"), frozenset("ba")})
s = set(range(10))
for i in range(5):
    s.discard(i)
print(hash(frozenset(s)), hash(frozenset(range(5, 10))))
try:
    hash(set())
except TypeError as e:
    print("TypeError", e)
try:
    {set(): 1}
except TypeError as e:
    print("TypeError", e)
try:
    frozenset([[1]])
except TypeError as e:
    print("TypeError", e)
