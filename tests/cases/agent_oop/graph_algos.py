class CycleError(Exception):
    def __init__(self, cycle):
        super().__init__("cycle detected: " + " -> ".join(cycle))
        self.cycle = cycle
class Graph:
    def __init__(self, directed=True):
        self.directed = directed
        self.adj = {}
    def add_edge(self, a, b):
        self.adj.setdefault(a, []).append(b)
        self.adj.setdefault(b, [])
        if not self.directed:
            self.adj[b].append(a)
        return self
    @classmethod
    def from_pairs(cls, pairs, directed=True):
        g = cls(directed)
        for a, b in pairs:
            g.add_edge(a, b)
        return g
    def __contains__(self, node):
        return node in self.adj
    def __len__(self):
        return len(self.adj)
    def nodes(self):
        return sorted(self.adj)
    def bfs(self, start):
        seen, order, queue = {start}, [], [start]
        while queue:
            n = queue.pop(0)
            order.append(n)
            for m in self.adj[n]:
                if m not in seen:
                    seen.add(m)
                    queue.append(m)
        return order
    def dfs(self, start):
        seen, order = set(), []
        def visit(n):
            seen.add(n)
            order.append(n)
            for m in self.adj[n]:
                if m not in seen:
                    visit(m)
        visit(start)
        return order
    def shortest_path(self, a, b):
        prev = {a: None}
        queue = [a]
        while queue:
            n = queue.pop(0)
            if n == b:
                path = []
                while n is not None:
                    path.append(n)
                    n = prev[n]
                return path[::-1]
            for m in self.adj[n]:
                if m not in prev:
                    prev[m] = n
                    queue.append(m)
        return None
    def toposort(self):
        WHITE, GREY, BLACK = 0, 1, 2
        color = {n: WHITE for n in self.adj}
        out, stack = [], []
        def visit(n):
            color[n] = GREY
            stack.append(n)
            for m in self.adj[n]:
                if color[m] == GREY:
                    raise CycleError(stack[stack.index(m):] + [m])
                if color[m] == WHITE:
                    visit(m)
            stack.pop()
            color[n] = BLACK
            out.append(n)
        for n in self.nodes():
            if color[n] == WHITE:
                visit(n)
        return out[::-1]
    def components(self):
        seen, comps = set(), []
        for n in self.nodes():
            if n not in seen:
                comp = self.bfs(n)
                seen.update(comp)
                comps.append(sorted(comp))
        return comps
deps = Graph.from_pairs([("app", "db"), ("app", "cache"), ("db", "config"), ("cache", "config"),
                         ("app", "logging"), ("logging", "config"), ("tests", "app")])
print(deps.nodes(), len(deps), "db" in deps, "web" in deps)
print(deps.toposort())
print(deps.bfs("tests"), deps.dfs("tests"))
print(deps.shortest_path("tests", "config"), deps.shortest_path("config", "app"))
deps.add_edge("config", "tests")
try:
    deps.toposort()
except CycleError as e:
    print(type(e).__name__, e, e.cycle[0] == e.cycle[-1])
u = Graph.from_pairs([(1, 2), (2, 3), (4, 5), (6, 6), (7, 5)], directed=False)
print(u.components(), u.shortest_path(3, 1), u.shortest_path(1, 4))
grid = ["S.#.....", ".##.###.", "....#...", ".##...#E"]
g = Graph(directed=False)
for r, row in enumerate(grid):
    for c, ch in enumerate(row):
        if ch == "#":
            continue
        for dr, dc in ((0, 1), (1, 0)):
            rr, cc = r + dr, c + dc
            if rr < len(grid) and cc < len(row) and grid[rr][cc] != "#":
                g.add_edge((r, c), (rr, cc))
path = g.shortest_path((0, 0), (3, 7))
print(len(path) - 1, path[:4], path[-1])
