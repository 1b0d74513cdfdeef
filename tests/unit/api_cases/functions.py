def outer(x):
    def inner(y):
        return fetch(y) + 1
    return inner(x) * 2

def deep(n):
    if n == 0:
        return fetch(7)
    return deep(n - 1) + 1

class Agent:
    def __init__(self, name):
        self.name = fetch(name)
    def act(self, k):
        return f"{self.name}:{fetch(k)}"
    @staticmethod
    def st(v):
        return fetch(v)
    @classmethod
    def cm(cls, v):
        return cls.__name__, fetch(v)

print(outer(1), deep(20))
a = Agent("bob")
print(a.act(3), Agent.st(4), Agent.cm(5))
f = lambda v: fetch(v) + fetch(v + 1)
print(f(1))
def deco(fn):
    def wrap(*args, **kw):
        return ("wrapped", fn(*args, **kw))
    return wrap
@deco
def tool(x, *, scale):
    return fetch(x, scale=scale)
print(tool(2, scale=3))
print(fetch(*[1], **{"scale": 5}))
