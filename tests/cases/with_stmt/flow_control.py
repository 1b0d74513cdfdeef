class Tracer:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, t, v, tb):
        self.log.append("exit %s (%s)" % (self.name, t.__name__ if t else "clean"))
log = []
def early_return(x):
    with Tracer("r", log):
        if x:
            return "early"
        log.append("not early")
    return "late"
print(early_return(True), early_return(False), log)
log.clear()
for i in range(4):
    with Tracer("it%d" % i, log):
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body %d" % i)
print(log)
log.clear()
def gen():
    with Tracer("gen", log):
        yield 1
        yield 2
    log.append("after with in gen")
for v in gen():
    log.append("got %d" % v)
print(log)
log.clear()
g = gen()
next(g)
g.close()
print(log)
log.clear()
def nested_return():
    with Tracer("outer", log):
        with Tracer("inner", log):
            try:
                return "from try"
            finally:
                log.append("finally")
print(nested_return(), log)
log.clear()
def exc_through_loop():
    for i in range(2):
        with Tracer("L%d" % i, log):
            if i == 1:
                raise KeyError(i)
try:
    exc_through_loop()
except KeyError:
    log.append("caught")
print(log)
log.clear()
while True:
    with Tracer("while", log):
        break
print(log)
log.clear()
def return_value_evaluated_before_exit():
    class Box:
        v = "before"
    with Tracer("box", log) as t:
        class Changer:
            def __enter__(s):
                return s
            def __exit__(s, *a):
                Box.v = "changed in exit"
        with Changer():
            return Box.v
print(return_value_evaluated_before_exit(), log)
