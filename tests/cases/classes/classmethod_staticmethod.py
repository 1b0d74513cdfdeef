class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)

    @classmethod
    def kind(cls):
        return cls.__name__

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def show(self):
        return "%04d-%02d-%02d" % (self.y, self.m, self.d)

class USDate(Date):
    def show(self):
        return "%02d/%02d/%04d" % (self.m, self.d, self.y)

d = Date.from_string("2024-02-29")
u = USDate.from_string("2023-12-01")
print(d.show(), type(d).__name__)
print(u.show(), type(u).__name__)
print(Date.kind(), USDate.kind(), u.kind(), d.kind())
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), USDate.is_leap(2023))
print(Date.count)
f = Date.is_leap
print(f(1996))
g = USDate.from_string
print(g("1999-01-02").show())
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2004))
cm = Date.__dict__["kind"]
print(cm.__func__(USDate))

class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return cls
    @staticmethod
    def helper():
        return "static"
    def both(self):
        return self.helper() + "/" + self.add(1).__name__
Registry.add(1).add(2)
r = Registry()
print(Registry.items, r.both(), Registry.items)
def plain(x):
    return x + 1
class Holder:
    sm = staticmethod(plain)
    cm = classmethod(lambda cls, v: (cls.__name__, v))
print(Holder.sm(1), Holder().sm(2), Holder.cm(3), Holder().cm(4))
print(callable(staticmethod(plain)))
print(staticmethod(plain)(9))
