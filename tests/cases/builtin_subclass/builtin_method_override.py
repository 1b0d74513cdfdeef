class L(list):
    def __len__(self):
        return 100
    def __iter__(self):
        return iter(["overridden"])
    def __contains__(self, x):
        return True
    def __getitem__(self, i):
        return "item"
l = L([1, 2, 3])
print(len(l), list(l), "anything" in l, l[0], l[1:2])
print(list.__len__(l), [x for x in l], sorted(l), sum(1 for _ in l))
print(repr(l), str(l), l == [1, 2, 3], l.copy(), l + [4])
print(tuple(l), set(l), max(l), ", ".join(l), l.index(2), l.count(3))
a, = l
print(a, bool(l), bool(L()))
class D(dict):
    def keys(self):
        return ["fake"]
    def __getitem__(self, k):
        return "G(" + str(k) + ")"
    def __iter__(self):
        return iter(["it"])
d = D(real=1)
print(d.keys(), list(d), d["x"], dict(d), {**d}, list(d.items()))
def f(**kw):
    return kw
print(f(**d))
class S(str):
    def __len__(self):
        return 0
    def __str__(self):
        return "S.__str__"
s = S("abc")
print(len(s), bool(s), str(s), s, "%s" % s, f"{s}", s + "", s.upper(), [s])
