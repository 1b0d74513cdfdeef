match x:
    case -1:
        pass
    case 1+2j:
        pass
    case a.b.c:
        pass
    case None:
        pass
    case True:
        pass
    case "s" "t":
        pass
    case []:
        pass
    case ():
        pass
    case {}:
        pass
    case [*_]:
        pass
    case (x,):
        pass
    case a, *b:
        pass