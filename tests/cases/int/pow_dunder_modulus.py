# pow's modulus through the dunders (int, float, complex), the slot
# wrappers' argument messages, and sorted()'s reverse= (an integer).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: (2).__pow__(3, 5)); t(lambda: (2).__pow__(3, None)); t(lambda: (2).__rpow__(3, 5))
t(lambda: (2).__pow__(3.0, 5)); t(lambda: (2).__pow__(3, "x")); t(lambda: True.__pow__(2, 3))
t(lambda: (2).__pow__(-1, 4)); t(lambda: (2).__pow__(-1, 5)); t(lambda: (2).__pow__(3, 0))
t(lambda: (2).__pow__()); t(lambda: (2).__pow__(1, 2, 3)); t(lambda: (2).__pow__(3, mod=5))
t(lambda: (2.0).__pow__(3, None)); t(lambda: (2.0).__rpow__(3, None)); t(lambda: (2.0).__pow__(3, 5))
t(lambda: (2.0).__pow__("a", 5)); t(lambda: (2.0).__pow__()); t(lambda: (2.0).__pow__(3, x=1))
t(lambda: (2).__add__()); t(lambda: (2).__add__(x=1)); t(lambda: (2.0).__add__()); t(lambda: (2.0).__sub__(1, 2))
t(lambda: True.__and__()); t(lambda: True.__and__(x=1)); t(lambda: (2j).__pow__(2, 3)); t(lambda: (2j).__pow__(x=1))
t(lambda: "a".__add__()); t(lambda: {}.__len__(1)); t(lambda: iter([]).__next__(1)); t(lambda: b"a".__len__(1))
class I(int): pass
t(lambda: I(2).__pow__(I(3), I(5))); t(lambda: (10**30).__pow__(2, 7))
print(sorted([3, 1], reverse=True), sorted([3, 1, 2], reverse=0))
t(lambda: sorted([3, 1], reverse="x")); t(lambda: sorted([3, 1], reverse=None)); t(lambda: sorted([1], reverse=1.5))
t(lambda: sorted(5, reverse="x"))
