d = {1: 2}
print(d.popitem())
d.popitem()
