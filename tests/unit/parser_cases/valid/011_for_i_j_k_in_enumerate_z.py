for i, (j, k) in enumerate(z):
    print(i)
else:
    pass