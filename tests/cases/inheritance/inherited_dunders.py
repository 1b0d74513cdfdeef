class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "%s(%d)" % (type(self).__name__, self.cents)
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __add__(self, other):
        return type(self)(self.cents + other.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __bool__(self):
        return self.cents != 0
    def __len__(self):
        return 1

class Euro(Money):
    def __str__(self):
        return "EUR %d.%02d" % divmod(self.cents, 100)
class Dollar(Money):
    pass

e = Euro(250) + Euro(5)
print(repr(e), str(e), e)
d = Dollar(100)
print(d, str(d), [d], f"{d}", f"{e!r}")
print(Euro(5) == Dollar(5), Euro(5) == 5, Euro(5) != Dollar(6))
print(len({Euro(1), Dollar(1), Euro(1)}))
print(sorted([Euro(3), Euro(1), Dollar(2)]))
print(bool(Euro(0)), bool(Dollar(1)), len(Euro(0)))
print(type(Dollar(1) + Euro(1)).__name__)
class NoHash(Money):
    def __eq__(self, other):
        return True
try:
    hash(NoHash(1))
except TypeError as e:
    print(type(e).__name__, e)
print(NoHash.__hash__ is None, Money.__hash__ is None, Euro.__hash__ is Money.__hash__)
class HashAgain(NoHash):
    __hash__ = Money.__hash__
print(hash(HashAgain(7)) == hash(7))
class StrOnly:
    def __str__(self):
        return "str-only"
print(str(StrOnly()), f"{StrOnly()}", "%s" % StrOnly())
class ReprOnly:
    def __repr__(self):
        return "repr-only"
print(str(ReprOnly()), ReprOnly(), [ReprOnly()], "%s|%r" % (ReprOnly(), ReprOnly()))
