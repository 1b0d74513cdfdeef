import sys
n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write("h\u00e9llo w\u00f6rld\n"))
sys.stdout.writelines(["a", "b", "c\n"])
sys.stdout.writelines(x + "\n" for x in "xyz")
sys.stdout.flush()
sys.stderr.write("to stderr\n")
print("via print", 1, 2, file=sys.stdout)
print("to stderr via print", file=sys.stderr)
out = sys.stdout
out.write("alias works\n")
for bad in [lambda: sys.stdout.write(3), lambda: sys.stdout.write(), lambda: sys.stdout.write("a", "b"),
            lambda: sys.stdout.writelines([1]), lambda: sys.stdout.writelines(3), lambda: sys.stdout.flush(1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
