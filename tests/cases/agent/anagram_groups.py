words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "odg", "bird", "Inlets"]
groups = {}
for w in words:
    key = "".join(sorted(w.lower()))
    groups.setdefault(key, []).append(w)
for key, ws in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{key:<8} {len(ws)} {ws}")
singles = [ws[0] for ws in groups.values() if len(ws) == 1]
print("no anagram partner:", singles)
def char_count(s):
    d = {}
    for c in s:
        d[c] = d.get(c, 0) + 1
    return d
print(char_count("mississippi"), char_count("listen") == char_count("silent"))
