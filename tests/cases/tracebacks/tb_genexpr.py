def total_len(items):
    return sum(len(x) for x in items)
print(total_len(["ab", "c"]))
total_len(["ab", None])
