# An error in __set_name__ surfaces as CPython's RuntimeError naming the
# descriptor's type, the attribute and the class, caused by the error.
class D:
    def __set_name__(self, owner, name):
        raise ValueError(name)
class O:
    attr = D()
