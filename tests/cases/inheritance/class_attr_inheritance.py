class Base:
    count = 0
    names = []
    def __init__(self):
        type(self).count += 1
        self.names.append(type(self).__name__)
class A(Base): pass
class B(Base):
    count = 100
class C(A): pass

Base(); A(); A(); B(); C(); C(); C()
print(Base.count, A.count, B.count, C.count)
print(Base.names is A.names, Base.names)
print("count" in A.__dict__, "count" in C.__dict__, "names" in C.__dict__)
class Config:
    defaults = {"color": "red", "size": 1}
    def get(self, k):
        return self.defaults.get(k)
class Big(Config):
    defaults = dict(Config.defaults, size=10)
class Blue(Big):
    defaults = {**Big.defaults, "color": "blue"}
print([ (k.__name__, k().get("color"), k().get("size")) for k in (Config, Big, Blue)])
class Counted:
    _next = 1
    def __init__(self):
        cls = type(self)
        self.id = cls._next
        cls._next += 1
class X(Counted): pass
class Y(Counted): pass
xs = [X(), X(), Y(), X(), Y()]
print([(type(o).__name__, o.id) for o in xs], Counted._next, X._next, Y._next)
