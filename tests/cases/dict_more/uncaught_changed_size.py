d = {"a": 1}
for k in d:
    d[k * 2] = 1
