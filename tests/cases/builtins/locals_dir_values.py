# locals() in a class body, dir() with __dir__, hashable dict_values.
class C:
    def __dir__(self):
        return ['b', 'a']
print(dir(C()))
class D(C):
    x = 1
print(dir(D()))
class G:
    def __dir__(self):
        return {"z": 1, "y": 2}
print(dir(G()))
class A:
    y = 1
    print(sorted(locals()), locals()['y'])
    z = [k for k in locals()]
print(sorted(A.z))
def f():
    a = 1
    class B:
        b = a
        print(sorted(locals()))
f()
d = {1: 2}
v = d.values()
print(hash(v) == hash(v), {v: 1}[v], len({d.values(), d.values()}))
