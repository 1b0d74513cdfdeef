def f1():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
print(f3())
def f4():
    for i in range(4):
        try:
            if i % 2:
                continue
            print("body", i)
        finally:
            print("cleanup", i)
f4()
def f5():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
print(f5())
def f6():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f6())
def f7():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
    return "done"
print(f7())
def f8():
    while True:
        try:
            return "from loop"
        finally:
            print("f8 finally")
print(f8())
