log = []
class CM:
    def __init__(self, name, suppress=False, raise_in_exit=None):
        self.name, self.suppress, self.raise_in_exit = name, suppress, raise_in_exit
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, t, v, tb):
        log.append("exit %s saw %s" % (self.name, repr(v)))
        if self.raise_in_exit:
            raise self.raise_in_exit
        return self.suppress
def run(label, *cms, body_exc=None):
    log.clear()
    try:
        with cms[0], cms[1], cms[2]:
            if body_exc:
                raise body_exc
    except Exception as e:
        log.append("outside got " + repr(e) + " ctx=" + repr(e.__context__))
    print(label)
    for line in log:
        print("   ", line)
run("inner suppresses", CM("a"), CM("b"), CM("c", suppress=True), body_exc=KeyError("k"))
run("middle suppresses", CM("a"), CM("b", suppress=True), CM("c"), body_exc=KeyError("k"))
run("inner exit raises", CM("a"), CM("b"), CM("c", raise_in_exit=ValueError("from c")), body_exc=KeyError("k"))
run("inner raises, middle suppresses", CM("a"), CM("b", suppress=True), CM("c", raise_in_exit=ValueError("from c")), body_exc=KeyError("k"))
run("exit raises without body error", CM("a"), CM("b", raise_in_exit=TypeError("from b")), CM("c"))
run("outer suppresses replacement", CM("a", suppress=True), CM("b", raise_in_exit=TypeError("from b")), CM("c"), body_exc=KeyError("k"))
