x = a if b else c
y = not a and b or c
z = a < b <= c != d is not e in f not in g is h