for a, b in [(1, "1"), ("1", 1), (1, None), (None, 1), (1, [1]), (1, (1,))]:
    try:
        print(a + b)
    except TypeError as e:
        print("TypeError", e)
for a, b in [(1, "a"), ("a", 1)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError", e)
try:
    print(-"a")
except TypeError as e:
    print("TypeError", e)
try:
    print(~1.5)
except TypeError as e:
    print("TypeError", e)
try:
    print(1 << 1.0)
except TypeError as e:
    print("TypeError", e)
try:
    print(1 & 1.0)
except TypeError as e:
    print("TypeError", e)
