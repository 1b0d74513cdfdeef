transitions = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "finish"): "done",
    ("paused", "cancel"): "cancelled",
    ("running", "cancel"): "cancelled",
}
def run(events):
    state = "idle"
    trail = [state]
    for ev in events:
        nxt = transitions.get((state, ev))
        if nxt is None:
            return trail, f"invalid event {ev!r} in state {state!r}"
        state = nxt
        trail.append(state)
    return trail, None
for evs in [["start", "pause", "resume", "finish"], ["start", "cancel"], ["pause"], ["start", "finish", "start"], []]:
    trail, err = run(evs)
    print(" -> ".join(trail), "|", err or "ok")
reachable = {"idle"}
changed = True
while changed:
    changed = False
    for (s, e), t in transitions.items():
        if s in reachable and t not in reachable:
            reachable.add(t)
            changed = True
print(sorted(reachable))
terminal = sorted({t for t in transitions.values()} - {s for s, _ in transitions})
print("terminal:", terminal)
