def lookup(key):
    if key == "known":
        return {"value": 1}
result = lookup("unknown")
print(result)
print(result["value"])
