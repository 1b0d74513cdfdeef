match(x)
match[x] = 1
match.x