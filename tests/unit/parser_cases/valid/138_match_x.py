match x:
    case {}: pass
    case {1: _, "a": [*_]}: pass
    case -1.5: pass
    case -1-2j: pass
    case 1+2j: pass
    case A.B.C(): pass
    case A.B(c=D.E): pass