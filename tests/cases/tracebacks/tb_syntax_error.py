def ok():
    return 1
print(ok()
x = 2
