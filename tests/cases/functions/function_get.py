# function.__get__ binds a function by hand, as attribute lookup does.
def f(self): return self
class A: pass
a = A()
m = f.__get__(a)
print(type(m).__name__, m() is a, f.__get__(None, A) is f, f.__get__(a, A)() is a)
for call in [lambda: f.__get__(), lambda: f.__get__(1, 2, 3), lambda: f.__get__(None)]:
    try: call()
    except TypeError as e: print(e)
def greet(self): return "hi from " + type(self).__name__
a.greet = greet.__get__(a)
print(a.greet())
print(f.__get__(a).__self__ is a, f.__get__(a).__func__ is f)
print(f.__eq__(f), f.__ne__(f))
