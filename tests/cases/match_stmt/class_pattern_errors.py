class NoMatchArgs:
    def __init__(self):
        self.a = 1
class BadMatchArgs:
    __match_args__ = ["a"]
    a = 1
class StrMatchArgs:
    __match_args__ = "a"
    a = 1
class NonStrEntries:
    __match_args__ = (1,)
class Short:
    __match_args__ = ("a",)
    a = 1
    b = 2
class Dup:
    __match_args__ = ("a", "a")
    a = 1
class MissingAttr:
    __match_args__ = ("nope",)
def attempt(label, fn):
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "->", type(e).__name__, e)
def m1():
    match NoMatchArgs():
        case NoMatchArgs(x):
            return "matched"
def m2():
    match BadMatchArgs():
        case BadMatchArgs(x):
            return x
def m3():
    match StrMatchArgs():
        case StrMatchArgs(x):
            return x
def m4():
    match NonStrEntries():
        case NonStrEntries(x):
            return x
def m5():
    match Short():
        case Short(x, y):
            return x, y
def m6():
    match Short():
        case Short(x, a=y):
            return x, y
def m7():
    match Dup():
        case Dup(x, y):
            return x, y
def m8():
    match MissingAttr():
        case MissingAttr(x):
            return "matched"
        case _:
            return "missing attribute -> no match"
def m9():
    match 5:
        case len():
            return "len"
def m10():
    not_a_class = 3
    match 5:
        case not_a_class():
            return "x"
def m11():
    match NoMatchArgs():
        case str(x):
            return x
        case _:
            return "isinstance check happens first, so no error"
def m12():
    match Short():
        case Short(b=1):
            return "b=1"
        case Short(b=2, a=1):
            return "keyword order irrelevant"
for i, fn in enumerate([m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12], 1):
    attempt("m%d" % i, fn)
