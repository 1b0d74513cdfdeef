a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
i, j = j, i = 1, 2
print(i, j)
lst = [0, 0, 0]
k = 0
k, lst[k] = 1, "set"
print(k, lst)
p = q = r = "same"
print(p, q, r)
d = {}
d["a"] = d["b"] = 0
print(d)
v = [1, 2]
v[0], v[1] = v[1], v[0]
print(v)
n, m = m_val, n_val = 3, 4
print(n, m, m_val, n_val)
