s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError", e)
t = s
s += " world"
print(s, t)
s2 = "H" + s[1:]
print(s2, s)
print(s.upper(), s)
