# sorted() with tuple keys holding floats: -0.0 == 0.0, the same NaN object is
# equal to itself, distinct NaNs are not ordered, infinities order.
nan = float('nan')
rows = [("b", -1.5, 3), ("a", 2.0, 1), ("b", -1.5, 2), ("a", -0.0, 5), ("a", 0.0, 4), ("c", nan, 1), ("c", nan, 0), ("c", 1.0, 2)]
print(sorted(rows[:5]))
print(sorted([(1.0, 2), (1, 1), (0.5, 3), (True, 0)]))
x = (nan, 1); y = (nan, 0)
print(x < y, y < x, (x[0], 0) < (x[0], 1), sorted([x, y]) == [x, y] or sorted([x, y]) == [y, x])
print(sorted([(-0.0, 'b'), (0.0, 'a')]), sorted([(2.5, 'x'), (2.5, 'a'), (1e300, 'z'), (-1e300, 'q')]))
print(sorted([(float('inf'), 1), (1e308, 2), (float('-inf'), 3)]))
