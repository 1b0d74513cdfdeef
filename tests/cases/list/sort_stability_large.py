recs = [(i % 7, i) for i in range(60)]
s = sorted(recs, key=lambda r: r[0])
print(s)
ok = all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0])
print("stable", ok)
r = sorted(recs, key=lambda r: r[0], reverse=True)
print(r[:15])
print(all(r[i][1] < r[i + 1][1] for i in range(len(r) - 1) if r[i][0] == r[i + 1][0]))
vals = [(x * 37) % 101 for x in range(100)]
vals.sort()
print(vals[:10], vals[-5:], vals == sorted(vals))
