# A user __eq__ (or a generator) that changes the list being worked on.
class Shrink:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, other):
        self.lst.clear()
        return False

l = [1, 2, 3]
print(Shrink(l) in l, l)
l = [1, 2, 3]
print(l.count(Shrink(l)), l)
l = [1, 2, 3]
try:
    l.index(Shrink(l))
except ValueError as e:
    print("ValueError:", str(e).endswith("is not in list"), l)
l = [1, 2, 3]
try:
    l.remove(Shrink(l))
except ValueError as e:
    print("ValueError:", e, l)

class EqClear:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, other):
        del self.lst[:]
        return True
l = [1, 2, 3]
l.remove(EqClear(l))
print(l)

a = [1, 2, 3]
b = [1, 2, 3]
class Cmp:
    def __eq__(self, other):
        a.clear()
        return True
a[0] = Cmp()
print(a == b, a, b)

# iteration while the list changes
l = [1, 2, 3, 4, 5]
seen = []
for x in l:
    seen.append(x)
    if x == 2:
        l.pop()
        l.pop()
print(seen, l)
l = [1, 2]
seen = []
for x in l:
    seen.append(x)
    if len(l) < 6:
        l.append(x * 10)
print(seen, l)
it = iter([1, 2, 3])
lst = [1, 2, 3]
it = iter(lst)
print(next(it), list(it), list(it))
lst.append(4)
print(list(it))
rit = reversed(lst)
print(next(rit))
lst.clear()
print(list(rit))
lst = [1, 2, 3, 4]
rit = reversed(lst)
next(rit)
del lst[1:]
print(list(rit))
lst = [1, 2, 3]
def gen():
    yield 1
    lst.append(99)
    yield 2
lst.extend(gen())
print(lst)
lst = [0, 1]
lst[1:1] = (lst.append(5) or x for x in range(2))
print(lst)
