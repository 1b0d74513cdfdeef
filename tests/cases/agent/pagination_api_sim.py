def fake_api(page, size=4):
    items = [f"item-{i:02d}" for i in range(1, 15)]
    start = (page - 1) * size
    chunk = items[start:start + size]
    return {"page": page, "items": chunk, "next": page + 1 if start + size < len(items) else None}
collected = []
page = 1
calls = 0
while page is not None:
    resp = fake_api(page)
    calls += 1
    print(f"page {resp['page']}: {len(resp['items'])} items, next={resp['next']}")
    collected.extend(resp["items"])
    page = resp["next"]
print(calls, "calls", len(collected), "items")
print(collected[:3], "...", collected[-2:])
batches = [collected[i:i + 5] for i in range(0, len(collected), 5)]
for n, b in enumerate(batches, 1):
    print(f"batch {n}: {', '.join(b)}")
