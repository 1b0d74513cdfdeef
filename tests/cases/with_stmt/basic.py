class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb is None)
        return False
with CM("a") as v:
    print("body", v)
with CM("b"):
    print("body without as")
cm = CM("c")
with cm as v2:
    print("cm object reused outside:", cm.name, v2)
class ReturnsSelf:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit args:", args)
with ReturnsSelf() as r:
    print(type(r).__name__)
def use():
    with CM("in func") as v:
        return v + "!"
print(use())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
print("after loop")
with CM("outer"):
    with CM("inner") as inner:
        print("nested body", inner)
class EnterNone:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        pass
with EnterNone() as x:
    print("as-target bound to", x)
