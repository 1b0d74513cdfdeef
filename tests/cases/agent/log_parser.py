log = """2024-01-01 10:00:01 INFO  server started port=8080
2024-01-01 10:00:05 WARN  slow request path=/api/users ms=1250
2024-01-01 10:00:07 ERROR db timeout query=select retries=3
2024-01-01 10:01:00 INFO  request path=/api/items ms=35
2024-01-01 10:01:02 INFO  request path=/api/users ms=80
garbage line without structure
2024-01-01 10:02:00 ERROR upstream failed service=billing code=502
2024-01-01 10:02:30 WARN  slow request path=/api/items ms=990
2024-01-01 10:03:00 INFO  request path=/api/users ms=45
"""
levels = {}
errors = []
latency = {}
bad = 0
for lineno, line in enumerate(log.splitlines(), 1):
    parts = line.split()
    if len(parts) < 3 or parts[2] not in ("INFO", "WARN", "ERROR"):
        bad += 1
        print(f"line {lineno}: unparseable: {line!r}")
        continue
    date, time, level = parts[:3]
    fields = {}
    words = []
    for tok in parts[3:]:
        if "=" in tok:
            k, v = tok.split("=", 1)
            fields[k] = int(v) if v.isdigit() else v
        else:
            words.append(tok)
    levels[level] = levels.get(level, 0) + 1
    if level == "ERROR":
        errors.append((time, " ".join(words), fields))
    if "ms" in fields:
        latency.setdefault(fields["path"], []).append(fields["ms"])
print("levels:", dict(sorted(levels.items())))
print("bad lines:", bad)
for t, msg, f in errors:
    print(f"ERROR at {t}: {msg} {f}")
for path in sorted(latency):
    ms = sorted(latency[path])
    print(f"{path:<12} count={len(ms)} min={ms[0]} max={ms[-1]} mean={sum(ms) / len(ms):.1f} p50={ms[len(ms) // 2]}")
slow = [p for p, ms in latency.items() if max(ms) > 1000]
print("slow endpoints:", slow)
