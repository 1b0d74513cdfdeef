vals = [0, 42, -42, 3.7, -0.5, 1e10, True]
for v in vals:
    print("%d|%5d|%-5d|%05d|%+d|%x|%o|%e|%f|%g|%.2f|%10.3e|%s|%r" % (v, v, v, v, v, int(v), int(v), v, v, v, v, v, v, v))
print("%s %s %s" % ("a", [1], {"b": 2}), "%-6s|" % "ab", "%6.2s|" % "abc", "%%d" % ())
print("%(a)s-%(b)05.1f-%(a)r" % {"a": "x", "b": 2.25})
print("%c|%5c|%-3c|" % ("x", 65, "y"))
print("%#x %#X %#o %x" % (255, 255, 8, -255))
print("%s" % (1,), "%s" % [1, 2], "%s%s" % ("a", "b"), "x" % () if False else "no-args")
print("%.3g|%.10g|%g|%g|%G" % (1234567, 1 / 3, 1e-5, 123456789, 1e-20))
print("%i %u" % (7, 8) if False else "%i" % 7)
