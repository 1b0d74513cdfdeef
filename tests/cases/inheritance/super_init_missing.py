class Base:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return len(self.items)
class Forgot(Base):
    def __init__(self, name):
        self.name = name
class Remembered(Base):
    def __init__(self, name):
        super().__init__()
        self.name = name
r = Remembered("r")
print(r.add(1), r.add(2), r.items)
f = Forgot("f")
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
Base.__init__(f)
print(f.add("late"), f.items, f.name)
class Twice(Base):
    def __init__(self):
        super().__init__()
        self.add(1)
        super().__init__()
t = Twice()
print(t.items)
