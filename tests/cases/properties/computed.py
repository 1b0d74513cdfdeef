class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
    @property
    def perimeter(self):
        return 2 * (self.w + self.h)
    @property
    def is_square(self):
        return self.w == self.h
    @property
    def size(self):
        return (self.w, self.h)
    @size.setter
    def size(self, wh):
        self.w, self.h = wh
r = Rect(3, 4)
print(r.area, r.perimeter, r.is_square, r.size)
r.size = (5, 5)
print(r.area, r.is_square, r.w)
r.w = 10
print(r.area, r.size)
w, h = r.size
print(w * h)
class Lazy:
    computations = 0
    def __init__(self, n):
        self.n = n
    @property
    def total(self):
        key = "_total_cache"
        if key not in self.__dict__:
            Lazy.computations += 1
            self.__dict__[key] = sum(range(self.n))
        return self.__dict__[key]
l = Lazy(1000)
print(l.total, l.total, l.total, Lazy.computations)
l2 = Lazy(10)
print(l2.total, Lazy.computations, sorted(l2.__dict__))
class Person:
    def __init__(self, first, last):
        self.first, self.last = first, last
    @property
    def full(self):
        return self.first + " " + self.last
    @full.setter
    def full(self, v):
        self.first, _, self.last = v.partition(" ")
    @property
    def initials(self):
        return "".join(p[0] for p in self.full.split())
p = Person("ada", "lovelace")
print(p.full, p.initials)
p.full = "grace brewster hopper"
print(p.first, "|", p.last, "|", p.initials)
people = [Person("b", "x"), Person("a", "y"), Person("c", "w")]
print([q.full for q in sorted(people, key=lambda q: q.last)])
print(max(people, key=lambda q: q.first).full)
