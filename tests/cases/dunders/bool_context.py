trace = []
class B:
    def __init__(self, name, val):
        self.name, self.val = name, val
    def __bool__(self):
        trace.append(self.name)
        return self.val
    def __repr__(self):
        return self.name
t, f = B("t", True), B("f", False)
def show(label, v):
    print(label, v, trace)
    trace.clear()
show("t and f", t and f)
show("f and t", f and t)
show("t or f", t or f)
show("f or t", f or t)
show("not t", not t)
show("not f", not f)
show("f or f or t", f or B("f2", False) or t)
show("t and t and f", t and B("t2", True) and f)
show("x if t else y", "x" if t else "y")
show("all", all([t, t, f, t]))
show("any", any([f, f, t, f]))
show("filter", list(filter(None, [t, f, t])))
show("bool list", [bool(x) for x in (t, f)])
show("while", [n for n in range(3) if f or n])
r = []
while B("w", len(r) < 2):
    r.append(1)
show("while loop", r)
show("assert", (lambda: [1 for _ in [0] if t])())
show("ternary chain", 1 if f else 2 if t else 3)
show("comparison is not bool()", t == t)
show("in cond", [x for x in (t, f) if x])
show("not not", not not f)
