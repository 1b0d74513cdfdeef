@dec
@dec2(1)
class A(B, metaclass=M):
    """doc"""
    x = 1
    def m(self): return self.x