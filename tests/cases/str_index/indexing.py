s = "abcdefghij"
print([s[i] for i in range(-10, 10)])
print(s[0], s[-1], s[len(s) - 1], s[-len(s)])
for i in [10, -11, 100]:
    try:
        print(s[i])
    except IndexError as e:
        print("IndexError", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError", e)
print(s[True], s[False])
u = "héllo wörld 🐍!"
print([u[i] for i in range(len(u))], u[-2], len(u))
