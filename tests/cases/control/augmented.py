x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7
print(x)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
lst = lst + [3]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {"k": 1}
d["k"] += 10
d["k"] *= 2
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 5
print(m)
counter = {}
for ch in "hello":
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
f = 1.5
f += 1; f /= 2; f -= 0.25
print(f)
b = 0b1010
b |= 1; b &= 0b1110; b ^= 0b100; b <<= 2; b >>= 1
print(b, bin(b))
try:
    undefined_var += 1
except NameError as e:
    print("NameError", e)
