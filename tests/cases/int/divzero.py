for op in ["//", "%", "/", "divmod"]:
    try:
        if op == "//":
            1 // 0
        elif op == "%":
            1 % 0
        elif op == "/":
            1 / 0
        else:
            divmod(1, 0)
    except ZeroDivisionError as e:
        print(op, e)
try:
    10**30 // 0
except ZeroDivisionError as e:
    print("big", e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print("float", e)
try:
    5 // 0.0
except ZeroDivisionError as e:
    print("float", e)
try:
    divmod(5.0, 0)
except ZeroDivisionError as e:
    print("float", e)
print("end")
x = 0
print(10 // x)
