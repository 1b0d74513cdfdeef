record = {"user": "ann", "n": 3, "pct": 0.4567}
print("%(user)s has %(n)d items (%(pct).1f%%)" % record)
print("%(user)-8s|%(n)05d|%(pct)10.3e" % record)
print("%*s|%-*s|%.*s" % (6, "r", 6, "l", 2, "truncate"))
print("%s" % (record,) if False else "%s" % str(record))
print("%d %s" % (1, "x"), "%%s literal", "%c%c%c" % (107, 114, "t"))
try:
    print("%(missing)s" % record)
except KeyError as e:
    print("KeyError", e)
try:
    print("%(user)s %s" % record)
except TypeError as e:
    print("TypeError", e)
