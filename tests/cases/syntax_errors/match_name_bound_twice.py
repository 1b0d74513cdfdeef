# A name may be bound once per pattern.
match [1, [2, 3]]:
    case [x, [y, x]]:
        print(x, y)
