class Event:
    def __init__(self, topic, **payload):
        self.name = topic
        self.payload = payload
        self.cancelled = False
    def cancel(self):
        self.cancelled = True
    def __repr__(self):
        return f"Event({self.name!r}, {self.payload})"
class Subscription:
    def __init__(self, bus, pattern, handler, priority):
        self.bus, self.pattern, self.handler, self.priority = bus, pattern, handler, priority
        self.calls = 0
    def matches(self, name):
        if self.pattern.endswith("*"):
            return name.startswith(self.pattern[:-1])
        return name == self.pattern
    def unsubscribe(self):
        self.bus._subs.remove(self)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.unsubscribe()
class EventBus:
    def __init__(self):
        self._subs = []
        self.errors = []
        self.delivered = 0
    def on(self, pattern, priority=0):
        def deco(fn):
            self.subscribe(pattern, fn, priority)
            return fn
        return deco
    def subscribe(self, pattern, handler, priority=0):
        sub = Subscription(self, pattern, handler, priority)
        self._subs.append(sub)
        self._subs.sort(key=lambda s: -s.priority)
        return sub
    def emit(self, topic, **payload):
        ev = Event(topic, **payload)
        results = []
        for sub in list(self._subs):
            if not sub.matches(topic):
                continue
            try:
                r = sub.handler(ev)
                sub.calls += 1
                self.delivered += 1
                if r is not None:
                    results.append(r)
            except Exception as e:
                self.errors.append(f"{getattr(sub.handler, '__name__', '?')} failed on {topic}: {type(e).__name__}: {e}")
            if ev.cancelled:
                break
        return results
bus = EventBus()
audit = []
@bus.on("user.*", priority=10)
def audit_all(ev):
    audit.append(ev.name)
@bus.on("user.created")
def welcome(ev):
    return "welcome " + ev.payload["name"]
@bus.on("user.deleted", priority=5)
def guard(ev):
    if ev.payload.get("name") == "root":
        ev.cancel()
        return "refused"
@bus.on("user.deleted")
def cleanup(ev):
    return "cleaned " + ev.payload["name"]
@bus.on("order.*")
def broken(ev):
    return ev.payload["total"] / ev.payload["items"]
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, ev):
        self.n += 1
counter = Counter()
bus.subscribe("*", counter)
print(bus.emit("user.created", name="ann"))
print(bus.emit("user.deleted", name="bob"))
print(bus.emit("user.deleted", name="root"))
print(bus.emit("order.placed", total=10, items=4))
print(bus.emit("order.placed", total=10, items=0))
print(bus.emit("order.placed", total=10))
with bus.subscribe("temp", lambda ev: "temporary") as s:
    print(bus.emit("temp"), len(bus._subs))
print(bus.emit("temp"), len(bus._subs))
print(audit, counter.n, bus.delivered)
for e in bus.errors:
    print(e)
print([(s.pattern, s.priority, s.calls) for s in bus._subs])
