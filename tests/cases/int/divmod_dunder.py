# int.__divmod__/__rdivmod__ and float's: divmod through the dunders,
# NotImplemented for what they cannot take.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: (7).__divmod__(2)); t(lambda: (7).__rdivmod__(2)); t(lambda: (7).__divmod__(2.0))
t(lambda: (7.5).__divmod__(2)); t(lambda: (7.5).__rdivmod__(2)); t(lambda: True.__divmod__(2))
t(lambda: (7).__divmod__("a")); t(lambda: (7.0).__divmod__("a")); t(lambda: (7).__divmod__(0))
t(lambda: (7.0).__divmod__(0)); t(lambda: (-7).__divmod__(2)); t(lambda: (10**20).__divmod__(-3))
t(lambda: (7).__divmod__()); t(lambda: (7.0).__rdivmod__(1, 2))
class N(int): pass
t(lambda: N(9).__divmod__(N(4)))
class D:
    def __rdivmod__(self, o): return ("rdiv", o)
t(lambda: divmod(5, D())); t(lambda: divmod(5.0, D()))
