calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls); calls.clear()
print(v(1) < v(3) < v(2), calls); calls.clear()
print(v(3) < v(1) < v(2), calls); calls.clear()
print(1 < 2 > 1 == 1 != 2 <= 2 >= 0)
print(1 == 1.0 == True, "a" < "b" < "c", [1] < [2] < [3])
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 == x, 1 < x is not None)
print(1 in [1] in [[1]], 2 not in [1] == True)
print((1 < 2) < 3, 1 < (2 < 3), 2 > 1 > 0 > -1 > -2)
a = b = c = 3
print(a == b == c, a is b is c, a < b == c)
