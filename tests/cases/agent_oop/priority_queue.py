class PriorityQueue:
    def __init__(self, key=lambda x: x):
        self._heap = []
        self._key = key
        self._count = 0
    def __len__(self):
        return len(self._heap)
    def __bool__(self):
        return bool(self._heap)
    def _less(self, i, j):
        return self._heap[i][0] < self._heap[j][0]
    def push(self, item):
        self._heap.append(((self._key(item), self._count), item))
        self._count += 1
        i = len(self._heap) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self._less(i, parent):
                self._heap[i], self._heap[parent] = self._heap[parent], self._heap[i]
                i = parent
            else:
                break
    def pop(self):
        if not self._heap:
            raise IndexError("pop from empty PriorityQueue")
        top = self._heap[0][1]
        last = self._heap.pop()
        if self._heap:
            self._heap[0] = last
            i, n = 0, len(self._heap)
            while True:
                l, r, best = 2 * i + 1, 2 * i + 2, i
                if l < n and self._less(l, best):
                    best = l
                if r < n and self._less(r, best):
                    best = r
                if best == i:
                    break
                self._heap[i], self._heap[best] = self._heap[best], self._heap[i]
                i = best
        return top
    def peek(self):
        return self._heap[0][1] if self._heap else None
    def __iter__(self):
        while self:
            yield self.pop()
class Task:
    def __init__(self, name, priority, cost):
        self.name, self.priority, self.cost = name, priority, cost
    def __repr__(self):
        return f"Task({self.name}, p={self.priority})"
pq = PriorityQueue()
for v in [5, 3, 8, 1, 9, 2, 7, 3, 1]:
    pq.push(v)
print(len(pq), pq.peek(), list(pq), len(pq), bool(pq))
tasks = PriorityQueue(key=lambda t: -t.priority)
for t in [Task("email", 1, 2), Task("deploy", 5, 8), Task("review", 3, 3), Task("hotfix", 5, 1), Task("lunch", 0, 1)]:
    tasks.push(t)
budget = 12
done = []
while tasks and budget > 0:
    t = tasks.pop()
    if t.cost > budget:
        done.append(f"skip {t.name} (cost {t.cost} > {budget})")
        continue
    budget -= t.cost
    done.append(f"run {t.name}, budget left {budget}")
print("\n".join(done))
print("remaining:", list(tasks))
def dijkstra(graph, src):
    dist = {src: 0}
    pq = PriorityQueue(key=lambda e: e[0])
    pq.push((0, src))
    while pq:
        d, u = pq.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                pq.push((nd, v))
    return dict(sorted(dist.items()))
g = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": [("E", 3)]}
print(dijkstra(g, "A"), dijkstra(g, "D"))
try:
    PriorityQueue().pop()
except IndexError as e:
    print(type(e).__name__, e)
