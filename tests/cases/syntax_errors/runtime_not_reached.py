print("this never prints because compilation fails")
def f():
    return 1
x = (1, 2
