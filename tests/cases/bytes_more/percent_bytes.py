# bytes % args.
print(b"%s and %s" % (b"x", b"y"), b"%d-%05d-%x" % (1, 42, 255), b"%c%c%c" % (65, b"Z", True), b"%b" % b"bb")
print(b"%r|%a" % ("\xe9", b"x"), b"%5s|%-5s|" % (b"a", b"b"), b"%.2f" % 3.14159, b"100%%" % (), b"%5.1b|" % b"xyz")
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, b"\xff%s" % b"\xfe", b"%.*s|%*s|" % (2, b"abc", -3, b"a"), b"%-4s|" % b"\xff")
print(b"%d %i %x %o %e %f %g" % (1, 2, 255, 8, 1.5, 2.5, 3.5), b"a" % {})
for f, a in [(b"%s", "str"), (b"%c", 256), (b"%c", b"ab"), (b"%c", "a"), (b"%s", 1), (b"%y", 1), (b"%s %s", (b"a",)),
             (b"a", 1), (b"%(a)s", {"a": b"x"}), (b"%(a)s", "abc"), (b"a", "abc"), (b"%c", -1), (b"%x", 1.5), (b"%d", "a"),
             (b"%", ()), (b"%s", ()), (b"a", b"x")]:
    try:
        print(f % a)
    except Exception as e:
        print(f, type(e).__name__, e)
