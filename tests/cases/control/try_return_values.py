def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return "try:" + str(x)
    except ValueError as e:
        return "except:" + str(e)
    else:
        return "else (unreachable when try returns)"
    finally:
        print("finally for", x)
print(f(1))
print(f(0))
def g(x):
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else:" + str(x)
    finally:
        print("g finally")
print(g(5))
def h():
    result = []
    for i in range(3):
        try:
            if i == 1:
                continue
            result.append(i)
        finally:
            result.append("f%d" % i)
    return result
print(h())
def k():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(k())
