class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
class Http:
    OK = 200
    NOT_FOUND = 404
    class Nested:
        TEAPOT = 418
def color_name(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN | Color.BLUE:
            return "is green or blue"
        case _:
            return "unknown"
print(color_name("red"), color_name("blue"), color_name("pink"))
def status(code):
    match code:
        case Http.OK:
            return "ok"
        case Http.NOT_FOUND:
            return "not found"
        case Http.Nested.TEAPOT:
            return "teapot"
        case other:
            return "other %d" % other
print([status(c) for c in (200, 404, 418, 500)])
Color.RED = "crimson"
print(color_name("crimson"), color_name("red"))
class Lazy:
    lookups = 0
    @property
    def value(self):
        Lazy.lookups += 1
        return 7
inst = Lazy()
class Holder:
    obj = inst
def probe(x):
    match x:
        case Holder.obj.value:
            return "seven"
        case 8:
            return "eight"
    return "neither"
print(probe(7), probe(8), probe(9), Lazy.lookups)
import sys
match sys.maxsize:
    case sys.maxsize:
        print("dotted module attribute as value pattern")
