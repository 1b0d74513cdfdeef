# A descriptor with __set__ (or __delete__) but no __get__ does not hide the
# instance dict on reads; a full data descriptor does.
class OnlySet:
    def __set__(self, obj, value): print("set", value)
class H:
    attr = OnlySet()
h = H()
print(type(h.attr).__name__)
h.attr = 5
h.__dict__["attr"] = "from instance dict"
print(h.attr)
class OnlyDel:
    def __delete__(self, obj): print("deleted")
class G:
    d = OnlyDel()
g = G()
g.__dict__["d"] = 1
print(g.d)
del g.d
class Full:
    def __get__(self, obj, cls): return "full"
    def __set__(self, obj, v): pass
class K:
    f = Full()
k = K()
k.__dict__["f"] = "dict"
print(k.f)
