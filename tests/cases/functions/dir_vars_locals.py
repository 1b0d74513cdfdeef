def f(a, b=2):
    c = a + b
    return sorted(dir()), vars() if False else sorted(dir())
print(f(1))
def g(x):
    y = x * 2
    names = dir()
    return names
print(g(3))
