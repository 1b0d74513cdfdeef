# break/continue in a finally body while a return is unwinding: the return
# value is dropped and the loop goes on, as in CPython.
def f():
    for i in range(2):
        try:
            return 42
        finally:
            continue
    return "loop done"
print(f())
def g():
    while True:
        try:
            return 1
        finally:
            break
    return 'after-while'
print(g())
def h():
    try:
        return "first"
    finally:
        return "second"
print(h())
def k():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner finally", i)
        finally:
            if i < 2:
                continue
    return "end"
print(k())
def m():
    for x in [1, 2]:
        with_val = None
        try:
            return x * 10
        finally:
            if x == 1:
                break
    return "broke"
print(m())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 1:
            break
    finally:
        for j in range(2):
            print("finally", i, j)
print("after", i)
def f(n):
    for i in range(n):
        try:
            if i == 0:
                continue
            return i
        finally:
            with_list = [k for k in range(2)]
            for k in with_list:
                pass
            print("fin", i)
    return None
print(f(3))
def g():
    while True:
        try:
            try:
                return "x"
            finally:
                for q in range(1):
                    print("inner loop")
        finally:
            print("outer finally")
print(g())
