# A run paused inside a generator that a built-in consumes (list, sum,
# min, max, any, all, join, sorted, ...): each pause is saved with the
# consumer's partial state (the list so far, the running sum, the best).
items = [3, 1, 2]
print(list(fetch(x) for x in items))
print(tuple(fetch(x) for x in items), set(fetch(x) for x in [1, 1, 2]), sorted(frozenset(fetch(x) for x in items)))
print(sum(fetch(x) for x in items), sum(fetch(x) * 10**20 for x in items))
print(sum(fetch(x) / 4 for x in items))
print(min(fetch(x) for x in items), max(fetch(x) for x in items))
print(min(fetch(w) for w in ["b", "a", "c"]), max(fetch(w) for w in ["b", "a", "c"]))
seen = []
def noted(xs):
    for x in xs:
        seen.append(x)
        yield fetch(x)
# any/all stop early: the generator stays suspended where it was
print(any(v > 15 for v in noted([1, 2, 3, 4])), seen)
seen.clear()
print(all(v < 15 for v in noted([1, 2, 3, 4])), seen)
print(any(fetch(x) > 100 for x in items), all(fetch(x) > 0 for x in items))
print("-".join(fetch(w) for w in ["a", "b", "c"]), "".join(fetch(w) for w in []))
print(sorted(fetch(x) for x in [5, 3, 4]))
# a drain inside a generator inside a drain
def outer(n):
    for k in range(1, n + 1):
        yield sum(fetch(i) for i in range(k))
print(list(outer(3)))
print(max(min(fetch(i + j) for j in range(2)) for i in range(3)))
print(", ".join(str(sum(fetch(j) for j in range(i))) for i in range(3)))
# inside functions and methods, with closures and locals around
def total(scale):
    base = 100
    return base + sum(fetch(x) * scale for x in items)
print(total(2))
class Bag:
    def __init__(self, xs): self.xs = xs
    def biggest(self): return max(fetch(x) for x in self.xs)
print(Bag([7, 9, 8]).biggest())
# a finally block inside the drained generator
def guarded():
    try:
        yield fetch(1)
        yield fetch(2)
    finally:
        print("finally ran")
print(list(guarded()))
# an error raised by a tool inside the drain, caught outside
try:
    print(sum(boom("bad") for _ in range(2)))
except ValueError as e:
    print("caught", e)
try:
    min(fetch(x) for x in [])
except ValueError as e:
    print("caught", e)
r = sum(fetch(x) for x in range(5)), list(fetch(x) for x in range(2))
print(r)
