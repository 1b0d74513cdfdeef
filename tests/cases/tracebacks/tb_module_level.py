x = 1
y = 0
print("dividing")
z = x / y
