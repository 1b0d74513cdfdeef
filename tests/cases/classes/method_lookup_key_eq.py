# A method call on an instance whose dict holds a key equal in hash to the
# method's name: the key's __eq__ runs during the lookup, may delete the
# method from the class and cause a collection; the call still uses the
# function found first (as CPython), or the instance's own entry when the
# key compares equal.
class K:
    def __hash__(self):
        return hash("m")

    def __eq__(self, other):
        if other == "m" and "m" in C.__dict__:
            del C.m
            junk = [[i] for i in range(300000)]  # enough garbage for a collection
        return False


class C:
    def m(self):
        return "method"


c = C()
c.__dict__[K()] = 1
print(c.m())
print(hasattr(C, "m"))


class S(str):
    def __eq__(self, other):
        if other == "m" and "m" in D.__dict__:
            del D.m
            junk = [[i] for i in range(300000)]
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class D:
    def m(self):
        return "method"


d = D()
d.__dict__[S("m")] = lambda: "instance"
print(d.m())
print(hasattr(D, "m"))
