a = [1, 2]
b = a
b.append(3)
print(a, b, a is b, a == b)
c = a[:]
c.append(4)
print(a, c, a is c)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("n")
    return lst
x = [0]
print(mutate(x), x)
def default_trap(v, acc=[]):
    acc.append(v)
    return acc
print(default_trap(1), default_trap(2), default_trap(3, []), default_trap(4))
a += [5]
print(a, b)
a = a + [6]
print(a, b)
r = [1]
r.append(r)
print(r, len(r), r[1] is r)
