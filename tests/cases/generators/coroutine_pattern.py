def coroutine(fn):
    def start(*a, **kw):
        g = fn(*a, **kw)
        next(g)
        return g
    return start
@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
@coroutine
def upper(target):
    while True:
        line = yield
        target.send(line.upper())
@coroutine
def collector(out):
    while True:
        out.append((yield))
out = []
pipe = grep("py", upper(collector(out)))
for line in ["python rocks", "java", "pypy fast", "rust", "cpython"]:
    pipe.send(line)
print(out)
@coroutine
def broadcaster(*targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)
a, b = [], []
bc = broadcaster(collector(a), grep("x", collector(b)))
for w in ["xa", "b", "cx"]:
    bc.send(w)
print(a, b)
@coroutine
def stateful():
    state = "idle"
    while True:
        event = yield state
        transitions = {("idle", "start"): "running", ("running", "pause"): "paused",
                       ("paused", "start"): "running", ("running", "stop"): "idle"}
        state = transitions.get((state, event), state)
sm = stateful()
print([sm.send(e) for e in ["start", "pause", "stop", "start", "stop", "bogus"]])
