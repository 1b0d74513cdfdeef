match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case {"x": x, **rest}:
        pass
    case [1, 2, *others]:
        pass
    case 1 | 2 | 3:
        pass
    case (a, b) if a > b:
        pass
    case str() as s:
        pass
    case _:
        pass