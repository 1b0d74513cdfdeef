class A:
    x = 10
    y = x + 5
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    print("in body", x, y, doubled)
    try:
        bad = [x + i for i in range(3)]
    except NameError as e:
        print("comprehension:", type(e).__name__, e)
    try:
        bad2 = {i: x for i in items}
    except NameError as e:
        print("dictcomp:", type(e).__name__, e)
    try:
        g = list(x for _ in range(2))
    except NameError as e:
        print("genexpr:", type(e).__name__, e)
    ok = [v for v in [x, y]]
    print("first iterable sees class scope:", ok)
    lam = lambda: x
    for k in range(3):
        last = k
    if x > 5:
        big = True
    else:
        big = False

print(A.x, A.y, A.doubled, A.ok, A.last, A.k, A.big)
x = "global x"
print(A.lam())

class B:
    val = "class val"
    def method(self):
        try:
            return val
        except NameError as e:
            return "NameError: " + str(e)
    def method2(self):
        return self.val, B.val
print(B().method())
print(B().method2())

def factory(n):
    class Local:
        size = n
        squares = [n * i for i in range(3)]
        def get(self):
            return n, self.size
    return Local
L = factory(4)
print(L.size, L.squares, L().get())

counter = 0
class C:
    global counter
    counter += 1
    name = "C"
print(counter, C.name)

class D:
    a = 1
    a = a + 1
    def a_func(self):
        return "method"
    b = a_func
print(D.a, D().b())

y = "module y"
class E:
    y = "class y"
    def f(self):
        return y
print(E().f())
def outer():
    z = "enclosing"
    class F:
        z = "class z"
        def g(self):
            return z
        w = z
    return F
F = outer()
print(F().g(), F.w)
