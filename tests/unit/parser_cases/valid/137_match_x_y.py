match (x, y):
    case (0, 0):
        pass
    case (0, _) | (_, 0):
        pass
    case Point(x=0) if y > 0:
        pass
    case {"type": "a", **rest}:
        pass
    case [Point(x=0, y=0), *others]:
        pass
    case str() | bytes():
        pass
    case int(x) as y:
        pass