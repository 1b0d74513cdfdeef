a = [1, 2]
t = (a, 3)
try:
    t[0] += [9]
except TypeError as e:
    print("TypeError", e)
print(t)
s = "x"
before = s
s += "y"
print(s, before)
d = {"n": 0}
d["n"] += 1; d["n"] -= 3; d["n"] *= -4
print(d)
i = 10
i //= -3; print(i)
i **= -1; print(i)
f = 7
f %= -3; print(f)
l = [0]
l *= 0; print(l)
l += range(3); print(l)
x = 2
x <<= 70; print(x)
x >>= 69; print(x)
try:
    z += 1
except NameError as e:
    print("NameError", e)
