log = []
class R:
    def __init__(self, name):
        self.name = name
        log.append("init " + name)
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name
    def __exit__(self, t, v, tb):
        log.append("exit %s %s" % (self.name, t.__name__ if t else None))
        return False
with R("a") as a, R("b") as b, R("c") as c:
    log.append("body %s%s%s" % (a, b, c))
print(log)
log.clear()
try:
    with R("a") as a, R("b") as b:
        log.append("body")
        raise KeyError("k")
except KeyError:
    log.append("handled")
print(log)
log.clear()
with R("x"), R("y"):
    log.append("no targets")
print(log)
log.clear()
def make(name):
    log.append("make " + name)
    return R(name)
with make("1") as one, make("2") as two:
    log.append("body " + one + two)
print(log)
log.clear()
class Fails:
    def __init__(self):
        log.append("init fails")
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        log.append("never")
try:
    with R("first") as f, Fails() as g, R("never") as h:
        log.append("body never")
except RuntimeError as e:
    log.append("caught " + str(e))
print(log)
log.clear()
try:
    with R("p"), make_not_defined():
        pass
except NameError as e:
    log.append("NameError " + str(e))
print(log)
