rows = [("naïve", 1), ("日本", 22), ("e\u0301", 333), ("🐍", 4444)]
for name, n in rows:
    print(f"[{name:<6}][{name:>6}][{name:^6}][{n:^6}][{n:<6}]")
print(len("naïve"), len("日本"), len("e\u0301"), len("🐍"))
print("[" + "x".center(6, "ü") + "]", "[" + "日".ljust(3, "本") + "]")
