class _Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push_front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n)
        self._push_front(n)
        return n.value
    def put(self, key, value):
        n = self.map.get(key)
        if n is not None:
            n.value = value
            self._unlink(n)
            self._push_front(n)
            return
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions += 1
        n = _Node(key, value)
        self.map[key] = n
        self._push_front(n)
    def __contains__(self, key):
        return key in self.map
    def __len__(self):
        return len(self.map)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
    def __repr__(self):
        return "LRUCache(%s)" % ", ".join(f"{k}={self.map[k].value!r}" for k in self.keys())
    def stats(self):
        total = self.hits + self.misses
        return {"hits": self.hits, "misses": self.misses, "evictions": self.evictions,
                "hit_rate": round(self.hits / total, 3) if total else None}
c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c, len(c))
print(c.get("a"), c.keys())
c.put("d", 4)
print(c, "b" in c)
c.put("c", 30)
print(c.keys(), c.get("zz", "miss"))
for k in "adcadeab":
    v = c.get(k)
    if v is None:
        c.put(k, ord(k))
print(c, c.stats())
def memoize(cache):
    def deco(fn):
        def wrapper(n):
            r = cache.get(n)
            if r is None:
                r = fn(n)
                cache.put(n, r)
            return r
        return wrapper
    return deco
fc = LRUCache(50)
@memoize(fc)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fc.stats(), len(fc))
try:
    LRUCache(0)
except ValueError as e:
    print(type(e).__name__, e)
