a = [1, 2]
print(a * 3, a * 0, a * -1, 3 * a, [] * 10)
a *= 2; print(a)
a += (9,); print(a)
a += "xy"; print(a)
a += {"k": 1}; print(a)
a.extend(range(3)); print(a)
a.extend(x for x in "pq"); print(a)
try:
    a.extend(5)
except TypeError as e:
    print("TypeError", e)
try:
    a = a + "s"
except TypeError as e:
    print("TypeError", e)
e = []
e.extend(e); print(e)
f = [1]
f.extend(f); print(f)
f *= 3; print(f, len(f))
