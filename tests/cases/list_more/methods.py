# The list methods on ordinary values.
l = []
l.append(3)
l.extend([1, 4])
l.extend((1, 5))
l.extend(range(9, 11))
l.extend("ab")
l.extend({7: 0, 8: 0})
l.extend(x * x for x in range(3))
l.insert(0, "first")
l.insert(-1, "before last")
l.insert(100, "end")
l.insert(-100, "start")
print(l, len(l))
print(l.index(1), l.index(1, 3), l.index(1, -8), l.count(1), l.count("zz"))
print(l.pop(), l.pop(0), l.pop(-2), l.pop(1))
l.remove(1)
print(l)
c = l.copy()
l.reverse()
print(l, c)
print(l.index(4, 0, -1))
for start, stop in [(0, 100), (-3, None), (2, 2), (5, 1), (-100, 100), (10**30, 1), (-10**30, 10**30)]:
    try:
        print(start, stop, l.index(0) if stop is None else l.index(l[-1], start, stop))
    except ValueError as e:
        print(start, stop, "ValueError:", e)
l.clear()
print(l, bool(l), bool([0]))
x = [1, 2]
x += "ab"
x += (3,)
x += range(2)
print(x)
y = x
y *= 2
print(x is y, x)
y *= 0
print(x, y)
z = [[]] * 3
z[0].append(1)
print(z)
print([1, 2] * True, [1, 2] * False, [1, 2] * -1, 3 * [0], [] * 5)
print(list(), list("abc"), list(range(3)), list((1, 2)), list({1: 2}), list(x for x in "xy"))
m = [1, 2, 3]
print(m.__len__(), m.__getitem__(1), m.__contains__(3), list(m.__iter__()), list(m.__reversed__()))
m.__setitem__(0, 9)
m.__delitem__(1)
print(m)
m.__init__("hi")
print(m)
print(2 in m, "h" in m, [] in [[]], [1] in [[1]])
