# A class made inside a function is reachable only through its instance:
# collections must keep it alive.
def make():
    class A:
        def hi(self):
            return "hi"
    return A()

a = make()
junk = []
for i in range(300000):
    junk.append([i] * 10)
    if len(junk) > 1000:
        junk = []
print(a.hi(), type(a).__name__)
