class Resource:
    opened = []
    def __init__(self, name, fail_on_close=False):
        self.name = name
        self.fail_on_close = fail_on_close
        Resource.opened.append(name)
        print("open", name)
    def close(self):
        Resource.opened.remove(self.name)
        print("close", self.name)
        if self.fail_on_close:
            raise RuntimeError("close failed: " + self.name)
class WorkError(Exception):
    pass
def work(fail):
    r1 = Resource("a")
    try:
        r2 = Resource("b")
        try:
            if fail:
                raise WorkError("work failed")
            return "result"
        finally:
            r2.close()
    finally:
        r1.close()
print(work(False))
try:
    work(True)
except WorkError as e:
    print("caught", e)
print(Resource.opened)
def close_fails():
    r = Resource("c", fail_on_close=True)
    try:
        raise WorkError("primary")
    finally:
        r.close()
try:
    close_fails()
except Exception as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())
def finally_overrides_return():
    try:
        return "try"
    finally:
        print("finally sees return pending")
print(finally_overrides_return())
def exc_in_else():
    try:
        pass
    except WorkError:
        print("no")
    else:
        raise WorkError("from else")
    finally:
        print("finally after else")
try:
    exc_in_else()
except WorkError as e:
    print("caught", e)
