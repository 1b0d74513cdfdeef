def find(items, key):
    for it in items:
        if it == key:
            return it
res = find(["x", "y"], "z")
print(res)
res.upper()
