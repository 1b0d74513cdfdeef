name = "krait"
print(name.upper())
print(name.reverse())
