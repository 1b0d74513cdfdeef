data = {"a": 1}
v = data.get("b")
print("value:", v)
print(v + 1)
