class E(Exception):
    pass
class WithStr(Exception):
    def __str__(self):
        return "custom str (args=%r)" % (self.args,)
cases = [E(), E("one"), E("two", 2), E(None), E(""), E(["list"]), E(("tuple",)), E(E("nested"))]
for e in cases:
    print(repr(e), "|", str(e), "|", e.args)
print(WithStr("a"), repr(WithStr("a")), f"{WithStr()}", "%s" % WithStr(1, 2))
print(str(KeyError("quoted")), str(KeyError(1)), str(KeyError()), str(KeyError("a", "b")))
print(repr(ValueError("v")), repr(StopIteration(3)), repr(SystemExit(2)))
try:
    raise E("message")
except E as e:
    print(f"caught: {e!r} / {e!s} / {e}")
print([E("in list")], {"k": E(1)})
class Unicode(Exception):
    pass
print(Unicode("héllo ✓"), repr(Unicode("héllo ✓")), ascii(Unicode("é")))
