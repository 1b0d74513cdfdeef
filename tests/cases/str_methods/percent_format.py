print("%s %d %i %f" % ("s", 42, -7, 3.5))
print("%5s|%-5s|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%e|%g|%G" % ("a", "b", 42, 5, 5, 255, 255, 8, 255, 8, 12345.678, 0.00001, 1e20))
print("%.2f %.0f %10.3f %-10.1f| %08.2f" % (3.14159, 2.5, 3.14159, 2.5, -3.14159))
print("%r %s %a" % ("x", "x", "é"), "%c%c" % (72, "i"), "100%%" % ())
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%s" % [1, 2], "%s" % ((1, 2),))
print("%s" % "single", "%d%%" % 50, "%.3s" % "abcdef", "%*d" % (5, 42), "%-*d|" % (5, 42), "%.*f" % (2, 1.23456))
print("%d" % 3.99, "%i" % True, "%x" % 2**70, "%s %s" % (None, True), "%5.1f%%" % 99.44)
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 1), ("%d", None), ("%c", 1234567)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
