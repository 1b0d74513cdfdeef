class E1(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
class E2(Exception):
    def __init__(self, *args):
        super().__init__(*args)
class E3(Exception):
    def __init__(self, msg):
        self.msg = msg
class E4(Exception):
    def __init__(self):
        super().__init__("fixed message")
for e in (E1("a", "b"), E2(), E2(1), E2(1, 2), E3("m"), E4()):
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
try:
    raise E4
except E4 as e:
    print("raise class:", e)
try:
    raise E3
except TypeError as e:
    print("raise class needing arg:", type(e).__name__, e)
try:
    raise E1("x")
except TypeError as e:
    print(type(e).__name__, e)
e = E2("orig")
e.args = ("changed",)
print(e, e.args)
e.args = [1, 2]
print(e.args, type(e.args).__name__)
class E5(Exception):
    def __new__(cls, *args):
        obj = super().__new__(cls, "from new")
        return obj
    def __init__(self, *args):
        pass
print(E5("given").args, str(E5("given")))
class E6(LookupError):
    pass
try:
    {}["k"]
except LookupError as err:
    print(type(err).__name__, err)
try:
    raise E6("custom lookup")
except (KeyError, IndexError) as err:
    print("wrong")
except LookupError as err:
    print(type(err).__name__, err)
print(E2("a") == E2("a"), E2("x").args == ("x",))
