items = ["a", "b"]
print(items.index("b"))
items.index("zz")
