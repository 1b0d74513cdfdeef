# Recursive containers print [...] and (...) like CPython.
l = [1, 2]
l.append(l)
print(l, repr(l), str(l))
t = (l,)
print(t)
m = [l, [l]]
print(m)
a = []
b = [a]
a.append(b)
print(a, b)
d = [[], ()]
print(d, [()], [(1,)], [[[]]], ["a", 'b"c', "it's"], [1.5, -0.0, 1e100, None, True, ...])
class R:
    def __repr__(self):
        return "<R>"
print([R(), [R()]])
