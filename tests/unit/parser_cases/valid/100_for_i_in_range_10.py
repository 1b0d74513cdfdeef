for i in range(10):
    if i % 2:
        continue
    elif i > 5:
        break
else:
    pass