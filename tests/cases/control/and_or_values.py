vals = [0, 1, "", "x", None, [], [0], 0.0, True, False]
for a in vals[:5]:
    print(repr(a), [a and b for b in vals], [a or b for b in vals])
print(None or [] or 0 or "", "" or "default", 0 and 1 / 0, 1 or 1 / 0)
def name_or_default(n):
    return n or "anonymous"
print(name_or_default(""), name_or_default("bob"), name_or_default(None))
x = [] or [1, 2] and "second"
print(x)
print(not 1 or 2, not (1 or 2), 1 and not 0, (1 and 0) or (0 and 1) or "tail")
