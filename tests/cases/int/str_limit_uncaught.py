print("before")
x = 10 ** 5000
print(x)
