try:
    undefined_x
except NameError as e:
    print(e.name, repr(e))
try:
    None.foo
except AttributeError as e:
    print(e.name, e.obj)
class C: pass
c = C()
try:
    c.missing
except AttributeError as e:
    print(e.name, e.obj is c)
print(NameError("x").name, AttributeError("y").name, AttributeError("y").obj)
e = NameError("z"); e.name = "zz"; print(e.name)
def f():
    print(v)
    v = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e.name)
