# A class's bases take no bare generator expression (CPython's grammar).
class A(x for x in y):
    pass
