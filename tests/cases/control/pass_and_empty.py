def empty():
    pass
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(empty(), "done")
def docstring_only():
    "just a docstring"
print(docstring_only(), docstring_only.__doc__)
x = 1; y = 2; z = x + y; print(z)
