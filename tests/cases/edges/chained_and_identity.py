a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, not a is c)
print(None is None, 1 == 1.0, "" == "", [] == [], () == (), {} == {})
x = 5
print(1 < x < 10 > 2 != 3, x == 5 != 6, 0 <= x <= 4, x in [5] in [[5]])
print(type(1) is int, type(True) is int, type(True) is bool, type([]) == list)
print(isinstance(True, int) and not isinstance(1, bool))
