print(b"%s and %s" % (b"x", b"y"), b"%d-%05d-%x" % (1, 42, 255), b"%c" % 65, b"%c" % b"Z", b"%b" % b"bb", b"%r" % b"r" if False else b"%a" % "é")
print(b"%5s|%-5s|" % (b"a", b"b"), b"%.2f" % 3.14159, b"100%%" % ())
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError", e)
