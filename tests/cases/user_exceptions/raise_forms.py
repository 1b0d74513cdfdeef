class MyErr(Exception):
    def __init__(self, msg="default msg"):
        super().__init__(msg)
try:
    raise MyErr
except MyErr as e:
    print("class raised:", e, type(e).__name__)
try:
    raise MyErr()
except MyErr as e:
    print("instance raised:", e)
for bad in (5, "string", MyErr.__init__, object(), [MyErr()], int):
    try:
        raise bad
    except TypeError as e:
        print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotExc()
except TypeError as e:
    print(type(e).__name__, e)
class BadNew(Exception):
    def __new__(cls):
        return 5
try:
    raise BadNew
except TypeError as e:
    print(type(e).__name__, e)
def f():
    raise MyErr("from f")
try:
    f()
except MyErr as e:
    print(e)
err = MyErr("reused")
for i in range(2):
    try:
        raise err
    except MyErr as e:
        print(i, e is err, e)
try:
    raise ValueError("a") from MyErr
except ValueError as e:
    print(e, repr(e.__cause__))
