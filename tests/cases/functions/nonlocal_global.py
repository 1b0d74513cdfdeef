counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def set_new_global():
    global created
    created = "made in function"
set_new_global()
print(created)
def outer():
    x = 1
    def inner():
        nonlocal x
        x = x * 10
    inner(); inner()
    return x
print(outer())
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def read_global():
    return counter + 100
print(read_global())
def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def nested_nonlocal():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 5
        l2()
        return a
    return l1(), a
print(nested_nonlocal())
x = "global x"
def f():
    x = "enclosing x"
    def g():
        global x
        return x
    return g()
print(f())
