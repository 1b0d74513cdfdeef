match {1: 2}:
    case _: pass