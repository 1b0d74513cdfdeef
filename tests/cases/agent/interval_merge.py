def merge(intervals):
    out = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out
tests = [[(1, 3), (2, 6), (8, 10), (15, 18)], [(1, 4), (4, 5)], [(5, 7), (1, 2), (2, 3), (6, 9)], [], [(1, 10), (2, 3)]]
for t in tests:
    print(t, "->", merge(t))
meetings = [(9, 10.5), (10, 11), (13, 14), (13.5, 15), (16, 17)]
busy = merge(meetings)
free = [(a[1], b[0]) for a, b in zip(busy, busy[1:])]
print("busy:", busy)
print("free:", free, "total free:", sum(e - s for s, e in free))
def rooms_needed(ms):
    events = sorted([(s, 1) for s, _ in ms] + [(e, -1) for _, e in ms])
    cur = best = 0
    for _, d in events:
        cur += d
        best = max(best, cur)
    return best
print("rooms:", rooms_needed(meetings), rooms_needed([(1, 5), (2, 6), (3, 7), (8, 9)]))
