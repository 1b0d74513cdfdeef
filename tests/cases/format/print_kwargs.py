print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print()
print("", "")
print(1, 2.0, None, [3], sep=" | ")
print("x", end="\n\n")
print(*range(5))
print(*"abc", sep="-")
print(*[], sep="x", end="<end>\n")
print("multi\nline", "arg")
print("end none", end=None)
print("sep none", "b", sep=None)
try:
    print("x", sep=1)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", end=2)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
