lst = [3, 1, "x", 2]
try:
    lst.sort()
except TypeError as e:
    print("TypeError", e)
print(sorted(lst, key=str))
a = [5, 4, 3]
def bad_key(v):
    if v == 3:
        raise ValueError("key failed on 3")
    return v
try:
    a.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e)
print(a)
try:
    sorted([1, 2], key=lambda v: None)
except TypeError as e:
    print("TypeError", e)
print(sorted([[1, "a"], [1, "b"], [0, "z"]]), sorted([(), (0,), (0, 0)]))
