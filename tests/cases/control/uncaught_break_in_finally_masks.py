def f():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "loop ended by break"
print(f())
def g():
    try:
        raise KeyError("lost")
    finally:
        pass
g()
