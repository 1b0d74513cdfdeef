b = b"abc"
try:
    b[0] = 65
except TypeError as e:
    print("TypeError", e)
try:
    b.append(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    print(b[5])
except IndexError as e:
    print("IndexError", e)
try:
    b"x".decode("ascii").encode("ascii").decode(1)
except TypeError as e:
    print("TypeError", e)
print(b[-3], b[:100], b[5:], b.index(99))
b"abc".index(b"d")
