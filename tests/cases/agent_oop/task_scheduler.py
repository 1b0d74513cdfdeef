class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
class Spawn:
    def __init__(self, gen, name):
        self.gen, self.name = gen, name
class Task:
    _ids = 0
    def __init__(self, gen, name):
        Task._ids += 1
        self.id = Task._ids
        self.gen, self.name = gen, name
        self.wake_at = 0
        self.send_value = None
        self.result = None
    def __repr__(self):
        return f"Task#{self.id}({self.name})"
class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.clock = 0
        self.log = []
        self.finished = {}
    def spawn(self, gen, name):
        t = Task(gen, name)
        self.ready.append(t)
        return t
    def run(self, max_ticks=100):
        while (self.ready or self.sleeping) and self.clock < max_ticks:
            if not self.ready:
                self.clock = min(t.wake_at for t in self.sleeping)
            woke = [t for t in self.sleeping if t.wake_at <= self.clock]
            for t in woke:
                self.sleeping.remove(t)
                self.ready.append(t)
            t = self.ready.pop(0)
            try:
                req = t.gen.send(t.send_value)
            except StopIteration as e:
                t.result = e.value
                self.finished[t.name] = e.value
                self.log.append(f"t={self.clock} {t.name} finished -> {e.value!r}")
                continue
            except Exception as e:
                self.finished[t.name] = e
                self.log.append(f"t={self.clock} {t.name} crashed: {type(e).__name__}: {e}")
                continue
            t.send_value = None
            if isinstance(req, Sleep):
                t.wake_at = self.clock + req.ticks
                self.sleeping.append(t)
            elif isinstance(req, Spawn):
                child = self.spawn(req.gen, req.name)
                t.send_value = child.id
                self.ready.append(t)
            else:
                self.log.append(f"t={self.clock} {t.name} yielded {req!r}")
                self.ready.append(t)
            self.clock += 1
        return self
def worker(name, n, delay):
    total = 0
    for i in range(n):
        total += i
        yield Sleep(delay)
    return f"{name} total {total}"
def parent():
    cid = yield Spawn(worker("child", 2, 1), "child")
    yield f"spawned child id {cid}"
    yield Sleep(5)
    return "parent done"
def crasher():
    yield "about to crash"
    raise ValueError("task failure")
s = Scheduler()
s.spawn(worker("A", 3, 2), "A")
s.spawn(parent(), "parent")
s.spawn(crasher(), "crasher")
s.spawn(worker("B", 1, 10), "B")
s.run()
for line in s.log:
    print(line)
print(s.clock, sorted((k, str(v)) for k, v in s.finished.items()))
