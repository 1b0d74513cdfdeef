try:
    class M(type):
        pass
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    class A(metaclass=print):
        pass
except NotImplementedError as e:
    print(type(e).__name__, e)
