print([n for n in dir("") if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(set()) if not n.startswith("_")])
print([n for n in dir(1) if not n.startswith("_")])
print([n for n in dir(1.0) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")])
print([n for n in dir(b"") if not n.startswith("_")])
print("upper" in dir("x"), "append" in dir([]), "__len__" in dir([]))
def f():
    a = 1
    b = 2
    return dir()
print(f())
