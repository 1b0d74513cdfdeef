edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("e", "f", 20), ("g", "h", 1)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
def dijkstra(src):
    dist = {src: 0}
    done = set()
    while True:
        best = None
        for n, d in dist.items():
            if n not in done and (best is None or d < dist[best] or (d == dist[best] and n < best)):
                best = n
        if best is None:
            return dist
        done.add(best)
        for nb, w in graph[best]:
            nd = dist[best] + w
            if nb not in dist or nd < dist[nb]:
                dist[nb] = nd
print(sorted(dijkstra("a").items()))
def components():
    seen = set()
    comps = []
    for start in sorted(graph):
        if start in seen:
            continue
        stack = [start]
        comp = []
        seen.add(start)
        while stack:
            n = stack.pop()
            comp.append(n)
            for nb, _ in graph[n]:
                if nb not in seen:
                    seen.add(nb)
                    stack.append(nb)
        comps.append(sorted(comp))
    return comps
print(components())
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": []}
order = []
state = {}
def visit(n):
    if state.get(n) == "done":
        return
    if state.get(n) == "active":
        raise ValueError("cycle at " + n)
    state[n] = "active"
    for d in deps[n]:
        visit(d)
    state[n] = "done"
    order.append(n)
for n in sorted(deps):
    visit(n)
print("build order:", order)
deps["core"] = ["app"]
state.clear()
try:
    visit("app")
except ValueError as e:
    print("error:", e)
