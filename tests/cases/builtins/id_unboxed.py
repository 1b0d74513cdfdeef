a = 1.0
b = 2.0
print(id(a) == id(b), a is b, id(a) == id(a), id(5) == id(5), id(5) == id(6))
print(len({id(v) for v in [1.0, 2.0, 3.5, -1.0, 0.5, 1e300]}), len({id(v) for v in range(100)}))
