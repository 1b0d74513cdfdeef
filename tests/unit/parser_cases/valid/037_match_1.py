match = 1
match.x = 2
match[1] = 3
print(match)
case = 5
_ = 6