teams = {
    "alpha": {"ann", "bob", "cy"},
    "beta": {"bob", "dee", "eve"},
    "gamma": {"cy", "eve", "fay", "ann"},
}
names = sorted(teams)
for i, a in enumerate(names):
    for b in names[i + 1:]:
        common = teams[a] & teams[b]
        print(f"{a}&{b}: {sorted(common)} union={len(teams[a] | teams[b])} jaccard={len(common) / len(teams[a] | teams[b]):.3f}")
everyone = set().union(*teams.values())
print(sorted(everyone), len(everyone))
in_all = set.intersection(*teams.values())
print(sorted(in_all))
counts = {p: sum(p in m for m in teams.values()) for p in sorted(everyone)}
print(counts)
only_one = {p for p, c in counts.items() if c == 1}
print(sorted(only_one))
print(sorted(teams["gamma"] - teams["alpha"] - teams["beta"]), sorted(teams["alpha"] ^ teams["gamma"]))
