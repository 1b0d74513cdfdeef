class Base:
    def __init__(self, **kw):
        if kw:
            print("leftover", sorted(kw))
        self.log = ["Base"]
        super().__init__()
class Named(Base):
    def __init__(self, name="?", **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")
class Aged(Base):
    def __init__(self, age=0, **kw):
        super().__init__(**kw)
        self.age = age
        self.log.append("Aged")
class Person(Named, Aged):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Person")
p = Person(name="ann", age=30)
print(p.name, p.age, p.log)
q = Person(name="bob", color="red")
print(q.name, q.age, q.log)
print([c.__name__ for c in Person.__mro__])

class Pipeline:
    def process(self, data):
        return data
class Strip(Pipeline):
    def process(self, data):
        return super().process(data.strip())
class Lower(Pipeline):
    def process(self, data):
        return super().process(data.lower())
class Exclaim(Pipeline):
    def process(self, data):
        return super().process(data) + "!"
class All(Exclaim, Strip, Lower):
    pass
class Other(Lower, Exclaim, Strip):
    pass
print(repr(All().process("  HeLLo  ")))
print(repr(Other().process("  HeLLo  ")))
print([c.__name__ for c in All.__mro__])

class Loggable:
    def describe(self):
        parts = []
        for k in type(self).__mro__:
            if "tag" in k.__dict__:
                parts.append(k.__dict__["tag"])
        return "/".join(parts)
class L1(Loggable): tag = "one"
class L2(Loggable): tag = "two"
class L3(L1, L2): tag = "three"
print(L3().describe(), L3.tag, L2().describe())
