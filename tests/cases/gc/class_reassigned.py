# An object older than its class (its __class__ was assigned) dies in the
# same collection as the class.
class A:
    pass

class Holder:
    pass

objs = []
for k in range(50):
    o = A()
    class B:
        pass
    o.__class__ = B
    objs.append(o)
objs = None
junk = []
for i in range(300000):
    junk.append([i] * 10)
    if len(junk) > 1000:
        junk = []
print("ok")
