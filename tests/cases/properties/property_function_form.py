class Account:
    def __init__(self):
        self._balance = 0
        self.history = []
    def get_balance(self):
        self.history.append("get")
        return self._balance
    def set_balance(self, v):
        self.history.append("set %s" % v)
        self._balance = v
    def del_balance(self):
        self.history.append("del")
        self._balance = 0
    balance = property(get_balance, set_balance, del_balance, "The account balance")
    readonly = property(get_balance)
    with_kw = property(fget=get_balance, doc="kw doc")
a = Account()
a.balance = 50
a.balance += 25
print(a.balance, a.readonly, a.with_kw)
del a.balance
print(a.balance, a.history)
print(Account.balance.__doc__, Account.with_kw.__doc__, Account.readonly.__doc__)
print(Account.balance.fget is Account.get_balance)
p = property()
print(p.fget, p.fset, p.fdel, p.__doc__)
class Late:
    pass
Late.x = property(lambda self: "late-bound property")
print(Late().x)
def getter(self):
    "getter docstring used"
    return 1
class DocFromGetter:
    y = property(getter)
print(DocFromGetter.y.__doc__)
q = property(getter).setter(lambda self, v: None)
print(type(q).__name__, q.__doc__, q.fset is not None)
class Using:
    y = q
u = Using()
u.y = 5
print(u.y)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
notcallable = property(5)
class Bad:
    z = notcallable
try:
    Bad().z
except TypeError as e:
    print(type(e).__name__, e)
