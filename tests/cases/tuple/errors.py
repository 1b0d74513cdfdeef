t = (1, 2, 3)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError", e)
try:
    print(t[3])
except IndexError as e:
    print("IndexError", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
try:
    print(t + [4])
except TypeError as e:
    print("TypeError", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
try:
    {(1, [2]): 3}
except TypeError as e:
    print("TypeError", e)
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print("TypeError", e)
inner = ([1], 2)
inner[0].append(99)
print(inner)
try:
    inner[0] += [100]
except TypeError as e:
    print("TypeError", e)
print(inner)
