tasks = [
    {"name": "deploy", "duration": 3, "deps": ["build", "test"], "priority": 2},
    {"name": "build", "duration": 5, "deps": ["fetch"], "priority": 1},
    {"name": "test", "duration": 4, "deps": ["build"], "priority": 1},
    {"name": "fetch", "duration": 1, "deps": [], "priority": 3},
    {"name": "docs", "duration": 2, "deps": ["fetch"], "priority": 5},
    {"name": "notify", "duration": 1, "deps": ["deploy", "docs"], "priority": 4},
]
by_name = {t["name"]: t for t in tasks}
finish = {}
def finish_time(name):
    if name not in finish:
        t = by_name[name]
        start = max((finish_time(d) for d in t["deps"]), default=0)
        finish[name] = start + t["duration"]
    return finish[name]
for t in tasks:
    finish_time(t["name"])
for name, end in sorted(finish.items(), key=lambda kv: (kv[1], kv[0])):
    t = by_name[name]
    print(f"{name:<7} start={end - t['duration']:>2} end={end:>2} deps={t['deps']}")
print("makespan:", max(finish.values()))
def critical_path(name):
    t = by_name[name]
    if not t["deps"]:
        return [name]
    worst = max(t["deps"], key=lambda d: (finish[d], d))
    return critical_path(worst) + [name]
print("critical path:", " -> ".join(critical_path("notify")))
ready = sorted((t for t in tasks if not t["deps"]), key=lambda t: t["priority"])
print("ready first:", [t["name"] for t in ready])
levels = {}
for name in finish:
    depth = 0
    stack = [(name, 0)]
    while stack:
        n, d = stack.pop()
        depth = max(depth, d)
        stack.extend((dep, d + 1) for dep in by_name[n]["deps"])
    levels.setdefault(depth, []).append(name)
print({k: sorted(v) for k, v in sorted(levels.items())})
