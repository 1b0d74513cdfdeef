players = {"ann": [12, 30, 25], "bob": [40, 10], "cy": [25, 25, 25, 1], "dee": [], "eve": [30, 30, 16]}
totals = {p: sum(s) for p, s in players.items()}
avgs = {p: (sum(s) / len(s) if s else 0.0) for p, s in players.items()}
ranking = sorted(totals, key=lambda p: (-totals[p], -avgs[p], p))
prev_total = None
rank = 0
for i, p in enumerate(ranking, 1):
    if totals[p] != prev_total:
        rank = i
        prev_total = totals[p]
    print(f"{rank}. {p:<4} total={totals[p]:>3} avg={avgs[p]:>6.2f} games={len(players[p])}")
def top_k(d, k):
    return sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
print(top_k(totals, 3), top_k(avgs, 2))
best_game = max(((p, s) for p, ss in players.items() for s in ss), key=lambda t: t[1])
print("best single game:", best_game)
print("consistent:", [p for p, s in players.items() if s and max(s) - min(s) <= 15])
