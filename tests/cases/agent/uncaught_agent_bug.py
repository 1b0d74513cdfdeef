records = [{"name": "a", "score": 10}, {"name": "b", "score": 7}, {"name": "c"}]
total = 0
for r in records:
    total += r["score"]
    print(r["name"], total)
print("average", total / len(records))
