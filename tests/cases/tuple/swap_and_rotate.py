a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3, 4, 5]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
i = 0
i, lst[i] = 2, 99
print(i, lst)
x = [0, 1]
x[x[0]], x[1] = 7, 8
print(x)
def rotate(t, k):
    k %= len(t)
    return t[k:] + t[:k]
print([rotate((1, 2, 3, 4), k) for k in range(-1, 5)])
p = (3, 4)
q = (p[1], p[0])
print(q, p)
