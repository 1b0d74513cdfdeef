print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] != [2, 1])
print([1, [2, 3]] < [1, [2, 4]], ["a"] < ["b"], [1.0] == [1], [None] == [None])
print(max([[1, 2], [3], [1, 5]]), min([[1, 2], [3], [1, 5]]))
try:
    print([1, 2] < [1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError", e)
print([1] == (1,), [] == (), [1, 2] * 2 == [1, 2, 1, 2])
