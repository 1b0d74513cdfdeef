a = [x for x in y if x if z for w in x]
b = {k: v for k, v in d.items()}
c = {x for x in y}
d = (x for x in y)
e = f(x for x in y)