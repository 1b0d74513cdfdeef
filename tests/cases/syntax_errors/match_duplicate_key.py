# Mapping keys are compared by value at compile time: True == 1.0 == 1.
match {1: 2}:
    case {True: a, 1.0: b}:
        print(a, b)
